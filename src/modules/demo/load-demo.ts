import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { appointMember } from '../people/index.js';
import { loadMandatesDemo } from '../mandates/index.js';
import { loadCompensationDemo } from '../compensation/index.js';
import { loadCasesDemo } from '../cases/index.js';
import { loadMeetingsDemo } from '../meetings/index.js';
import { buildCase, buildDeclaredPerson, buildGroup, buildPerson, buildUser } from '../../testing/builders.js';
import { loadFollowupDemo } from '../indicators/index.js';
import { loadKnowledgeDemo } from '../knowledge/index.js';
import { loadConsultationDemo } from '../consultation/index.js';
import { demoDate } from './dates.js';

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

const DEMO_FORUMS = ['Beredningsforum (demo)', 'LPO Ordförandeforum (demo)', 'LSG Samordnarforum (demo)'] as const;

/** Södra's active RPO for the area when one is registered, else a demo one. */
async function demoRpo(db: Db, ctx: Ctx, area: string, name: string): Promise<string> {
  const [found] = await db.query<{ id: string }>(
    `SELECT id FROM groups WHERE owner = 'sodra' AND kind = 'program-area' AND status = 'active' AND NOT is_sub_group
       AND $1 = ANY(program_area_ids) LIMIT 1`,
    [area],
  );
  if (found) return found.id;
  const rpo = await buildGroup(
    db,
    { kind: 'program-area', level: 'healthcare-region', owner: 'sodra', name, programAreaIds: [area], isDemo: true },
    ctx,
  );
  return rpo.id;
}

const DEMO_PERSONS = [
  ['Eva Exempel (demo)', 'Överläkare'],
  ['Fredrik Fiktivsson (demo)', 'Sjuksköterska'],
  ['Gunilla Gestalt (demo)', 'Fysioterapeut'],
  ['Hassan Hittepå (demo)', 'Distriktsläkare'],
  ['Ingrid Inbillad (demo)', 'Verksamhetsutvecklare'],
  ['Jonas Jämförelse (demo)', 'Apotekare'],
  ['Karin Konstruerad (demo)', 'Kurator'],
] as const;

/** A function, so that the dates move with the clock when the demo is loaded. */
const demoCases = () =>
  [
    {
      subject: 'Remiss: vårdförlopp hjärtsvikt – nyupptäckt (demo)',
      origin: 'national',
      sender: 'NPO Hjärt- och kärlsjukdomar',
      receivedDate: demoDate('2026-09-16'),
    },
    {
      subject: 'Synpunktsinhämtning: kunskapsstöd depression (demo)',
      origin: 'national',
      sender: 'NPO Psykisk hälsa',
      receivedDate: demoDate('2026-10-01'),
    },
    {
      subject: 'Behov av gemensam rutin för fallprevention (demo)',
      origin: 'local',
      sender: 'LPO Äldres hälsa och palliativ vård (demo)',
      receivedDate: demoDate('2026-10-20'),
    },
    {
      subject: 'Uppdrag från sjukvårdsregionen: uppföljning av diabetesvård (demo)',
      origin: 'healthcare-region',
      sender: 'Södra sjukvårdsregionen',
      receivedDate: demoDate('2026-11-03'),
    },
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
  // The demo region's structure is a tree (issue 17): the kunskapsråd at the top, the forums that
  // prepare its matters, and the LPOs reporting to it. Each LPO mirrors an RPO of Södra, Kronoberg's
  // healthcare region; the seeds name none of Södra's RPOs, so the demo makes its own, marked demo.
  const council = await buildGroup(
    db,
    { kind: 'council', level: 'region', owner: DEMO_REGION, name: 'Kunskapsrådet (demo)', isDemo: true },
    ctx,
  );
  for (const name of DEMO_FORUMS) {
    await buildGroup(
      db,
      {
        kind: 'forum',
        level: 'region',
        owner: DEMO_REGION,
        name,
        parentGroupId: council.id,
        parentRelation: 'prepares-for',
        isDemo: true,
      },
      ctx,
    );
  }
  const lpos = [];
  for (const [area, name] of DEMO_LPOS) {
    if (!areas.has(area)) continue;
    const rpo = await demoRpo(db, ctx, area, name.replace(/^LPO /, 'RPO ').replace(/ \(demo\)$/, ' Södra (demo)'));
    lpos.push(
      await buildGroup(
        db,
        {
          kind: 'program-area',
          level: 'region',
          owner: DEMO_REGION,
          name,
          programAreaIds: [area],
          mirrorsGroupId: rpo,
          parentGroupId: council.id,
          parentRelation: 'reports-to',
          isDemo: true,
          startDate: demoDate('2025-01-01'),
          mandate: DEMO_MANDATE(name),
        },
        ctx,
      ),
    );
  }
  // Fictional people: most with approved jäv declarations and seats; gaps on purpose (the last
  // LPO has no chair, the last person never declared) so the overviews have something to show.
  const people = [];
  for (const [i, [name, profession]] of DEMO_PERSONS.entries()) {
    const o = {
      name,
      profession,
      email: `person${i + 1}@demo.navet.example`,
      employer: 'Region Kronoberg',
      employerType: 'region',
      homeOwner: DEMO_REGION,
      isDemo: true,
    };
    people.push(i < DEMO_PERSONS.length - 1 ? await buildDeclaredPerson(db, o, ctx) : await buildPerson(db, o, ctx));
  }
  const declared = people.slice(0, -1);
  for (const [i, lpo] of lpos.slice(0, -1).entries()) {
    const period = { startDate: demoDate('2025-01-01'), endDate: demoDate('2027-12-31') };
    await appointMember(db, ctx, lpo.id, { personId: declared[(i * 2) % declared.length]!.id, role: 'ordforande', ...period });
    await appointMember(db, ctx, lpo.id, {
      personId: declared[(i * 2 + 1) % declared.length]!.id,
      role: 'processtod',
      ...period,
    });
  }
  for (const c of demoCases()) await buildCase(db, { region: DEMO_REGION, ...c }, ctx);
  await loadMandatesDemo(db, ctx);
  await loadCompensationDemo(db, ctx);
  await loadCasesDemo(db, ctx);
  await loadKnowledgeDemo(db, ctx);
  await loadFollowupDemo(db, ctx);
  await loadMeetingsDemo(db, ctx);
  await loadConsultationDemo(db, ctx);
  return true;
}
