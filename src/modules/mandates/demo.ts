import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { buildDeclaredPerson, buildPerson } from '../../testing/builders.js';
import { appointMember } from '../people/index.js';
import { reviewJavDeclaration } from '../people/index.js';
import { submitJavDeclaration } from '../people/index.js';
import { createNomination } from './create-nomination.js';
import { decideNomination } from './decide-nomination.js';
import { demoDate, demoYear } from '../demo/index.js';

const KRONOBERG = '07';
const person = (name: string, i: number, o: { profession?: string; employer?: string; employerType?: string } = {}) => ({
  name,
  email: `mandat${i}@demo.navet.example`,
  employer: o.employer ?? 'Region Kronoberg',
  employerType: o.employerType ?? 'region',
  ...(o.profession ? { profession: o.profession } : {}),
  homeOwner: KRONOBERG,
  isDemo: true,
});

/**
 * Mandates in the demo region: one LPO with controller, administrative support and a person with
 * patient experience (Kronoberg has set no staffing rule of its own: seed 000's grundbemanning is
 * Region Jönköpings län's, so its LPOs are not measured against it); Kronoberg with one of its two seats in Södra regionvårdsnämnden filled (through a decided
 * nomination) and a second nomination open; a seat whose holder's declaration has lapsed.
 */
export async function loadMandatesDemo(db: Db, ctx: Ctx): Promise<void> {
  const lpos = await db.query<{ id: string; name: string }>(
    `SELECT id, name FROM groups WHERE is_demo AND owner = $1 AND kind = 'program-area' ORDER BY sv_key(name) COLLATE "C", id`,
    [KRONOBERG],
  );
  const [namnd] = await db.query<{ id: string }>(
    `SELECT id FROM groups WHERE reference_key = 'sodra:namnd:sodra-regionvardsnamnden'`,
  );
  const first = lpos[0];
  let i = 0;
  if (first) {
    // LPO Akut vård (demo) has its full basic staffing.
    const staff: [string, string, Parameters<typeof person>[2]][] = [
      ['Lena Ledamot (demo)', 'controller', { profession: 'Controller' }],
      ['Mats Mötesstöd (demo)', 'administrativt-stod', { profession: 'Administratör' }],
      [
        'Nora Nyfiken (demo)',
        'patientforetradare',
        { employer: 'Hjärt- och lungsjukas förening (demo)', employerType: 'patient-organisation' },
      ],
    ];
    for (const [name, role, o] of staff) {
      const p = await buildDeclaredPerson(db, person(name, ++i, o), ctx);
      await appointMember(db, ctx, first.id, {
        personId: p.id,
        role,
        startDate: demoDate('2025-01-01'),
        endDate: demoDate('2027-12-31'),
      });
    }
    // A web editor whose seat ends soon, for the expiry overview.
    const w = await buildDeclaredPerson(db, person('Olof Omvärld (demo)', ++i, { profession: 'Kommunikatör' }), ctx);
    await appointMember(db, ctx, first.id, {
      personId: w.id,
      role: 'webbredaktor',
      startDate: demoDate('2024-02-01'),
      endDate: demoDate('2027-01-31'),
    });
  }
  // A seat whose holder's jäv declaration has lapsed (approved 2023, re-assessment due 2026-05-02).
  const lapsed = await buildPerson(db, person('Petra Passerad (demo)', ++i, { profession: 'Barnmorska' }), ctx);
  const d = await submitJavDeclaration(db, ctx, lapsed.id, { nothingToDeclare: true, interests: [] });
  const reviewer = {
    ...ctx,
    actor: { ...ctx.actor!, userId: '00000000-0000-0000-0000-000000000001', email: 'granskare@navet.local' },
  };
  await reviewJavDeclaration(db, reviewer, d.id, { decision: 'approved' }, { today: demoDate('2023-05-02') });
  if (lpos[1]) {
    await appointMember(
      db,
      ctx,
      lpos[1].id,
      { personId: lapsed.id, role: 'ledamot', startDate: demoDate('2024-01-01'), endDate: demoDate('2026-12-31') },
      { today: demoDate('2024-01-01') },
    );
  }
  if (namnd) {
    // Region Kronoberg appoints two members of Södra regionvårdsnämnden: one decided, one still open.
    const politician = await buildDeclaredPerson(db, person('Rut Regionråd (demo)', ++i, { profession: 'Regionråd' }), ctx);
    const decided = await createNomination(db, ctx, namnd.id, {
      personId: politician.id,
      nominatingOrganisation: 'Region Kronoberg',
      nominatingOrganisationType: 'region',
      nominatedBy: 'Regionfullmäktige i Region Kronoberg (demo)',
      motivation: 'Ordförande i regionens hälso- och sjukvårdsnämnd.',
      role: 'ledamot',
      startDate: demoDate('2026-01-01'),
      endDate: demoDate('2026-12-31'),
      represents: KRONOBERG,
    });
    await decideNomination(db, ctx, decided.id, decided.version, {
      decision: 'approved',
      decisionDate: demoDate('2025-12-10'),
      reference: `RVN ${demoYear(2025)}/41 § 7 (demo)`,
    });
    const second = await buildDeclaredPerson(db, person('Sven Samverkan (demo)', ++i, { profession: 'Regionråd' }), ctx);
    await createNomination(db, ctx, namnd.id, {
      personId: second.id,
      nominatingOrganisation: 'Region Kronoberg',
      nominatingOrganisationType: 'region',
      nominatedBy: 'Regionfullmäktige i Region Kronoberg (demo)',
      motivation: 'Vice ordförande i hälso- och sjukvårdsnämnden; ersätter avgående ledamot.',
      role: 'ledamot',
      startDate: demoDate('2027-01-01'),
      endDate: demoDate('2030-12-31'),
      represents: KRONOBERG,
    });
  }
  const last = lpos[lpos.length - 1];
  if (last && last !== first) {
    // The LPO without a chair: its process support is in place, the line organisation has
    // nominated a chair and the decision is pending.
    const support = await buildDeclaredPerson(
      db,
      person('Ulla Utvecklare (demo)', ++i, { profession: 'Verksamhetsutvecklare' }),
      ctx,
    );
    await appointMember(db, ctx, last.id, {
      personId: support.id,
      role: 'processtod',
      startDate: demoDate('2025-09-01'),
      endDate: demoDate('2028-08-31'),
    });
    const chair = await buildDeclaredPerson(db, person('Tove Tillförordnad (demo)', i + 1, { profession: 'Överläkare' }), ctx);
    await createNomination(db, ctx, last.id, {
      personId: chair.id,
      nominatingOrganisation: 'Område specialistvård, Region Kronoberg (demo)',
      nominatingOrganisationType: 'line-organisation',
      nominatedBy: 'Områdeschef specialistvård (demo)',
      motivation: 'Överläkare med ansvar för ögonsjukvården i länet.',
      role: 'ordforande',
      startDate: demoDate('2027-01-01'),
    });
  }
  // SKS (seed 002): Södra's representative, from Region Kronoberg; the composition report shows
  // the networks', SKR's and the adjungerade's seats still to fill.
  const [sks] = await db.query<{ id: string }>(`SELECT id FROM groups WHERE reference_key = 'national:styrgrupp:sks'`);
  if (sks) {
    const director = await buildDeclaredPerson(
      db,
      person('Karin Kunskapsstyrning (demo)', i + 2, { profession: 'Hälso- och sjukvårdsdirektör' }),
      ctx,
    );
    await appointMember(db, ctx, sks.id, {
      personId: director.id,
      role: 'ledamot',
      startDate: demoDate('2026-01-01'),
      endDate: demoDate('2027-12-31'),
      represents: 'sodra',
    });
  }
}
