import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { buildLpo, buildUser } from '../../testing/builders.js';

/**
 * The demo region: Region Kronoberg, whose real structure the sources do not describe, so the
 * fictional workload cannot be mistaken for it. Everything made here is marked as demo.
 */
export const DEMO_REGION = '07';
export const DEMO_PASSWORD = 'demo-lösenord-navet';

const DEMO_PEOPLE = [
  { name: 'Astrid Exempelsson (demo)', email: 'samordnare@demo.navet.example', role: 'samordnare' },
  { name: 'Bertil Påhittad (demo)', email: 'ordforande@demo.navet.example', role: 'ordforande' },
  { name: 'Cecilia Fiktiv (demo)', email: 'processtod@demo.navet.example', role: 'processtod' },
  { name: 'Dragan Låtsas (demo)', email: 'lasare@demo.navet.example', role: 'lasare' },
] as const;

const DEMO_LPOS = [
  ['akut-vard', 'LPO Akut vård (demo)'],
  ['hjart-och-karlsjukdomar', 'LPO Hjärt- och kärlsjukdomar (demo)'],
  ['psykisk-halsa', 'LPO Psykisk hälsa (demo)'],
  ['aldres-halsa-och-palliativ-vard', 'LPO Äldres hälsa och palliativ vård (demo)'],
  ['endokrina-sjukdomar', 'LPO Endokrina sjukdomar (demo)'],
  ['ogonsjukdomar', 'LPO Ögonsjukdomar (demo)'],
] as const;

const DEMO_MANDATE = (name: string) =>
  `## Uppdrag (demo)\n\n${name} ska omsätta nationella kunskapsstöd i regionen, följa upp resultat och föreslå förbättringar till kunskapsrådet.\n\n*Fiktiv text för demonstration.*`;

/** Loaded into an empty database only (no users yet apart from a bootstrap admin). */
export async function loadDemo(db: Db, ctx: Ctx): Promise<boolean> {
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>('SELECT count(*) AS n FROM users WHERE is_demo');
  if (n > 0) return false;
  const areas = new Set((await db.query<{ id: string }>('SELECT id FROM program_areas')).map((r) => r.id));
  for (const p of DEMO_PEOPLE) {
    await buildUser(
      db,
      {
        name: p.name,
        email: p.email,
        password: DEMO_PASSWORD,
        isDemo: true,
        roles: [{ role: p.role, scopeType: 'region', scopeId: DEMO_REGION }],
      },
      ctx,
    );
  }
  for (const [area, name] of DEMO_LPOS) {
    if (areas.has(area))
      await buildLpo(db, {
        region: DEMO_REGION,
        programAreaId: area,
        name,
        isDemo: true,
        startDate: '2025-01-01',
        mandate: DEMO_MANDATE(name),
      });
  }
  return true;
}
