import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { buildPerson, buildUser } from '../../testing/builders.js';
import { decideClaim } from './decide-claim.js';
import { recordAssignment } from './record-assignment.js';
import { recordParticipant } from './record-participant.js';
import { submitClaim } from './submit-claim.js';
import { createRateModel } from './save-rate-model.js';
import * as repo from './repository.js';
import { modelOn } from './rules/amounts.js';
import { demoDate } from '../demo/index.js';

const REGION = '07';
const PASSWORD = 'demo-lösenord-navet';

const PATIENTS = [
  {
    name: 'Lena Levande (demo)',
    email: 'patient@demo.navet.example',
    group: 'LPO Akut vård (demo)',
    org: 'Hjärt- och lungsjukas förening (demo)',
    user: true,
  },
  {
    name: 'Mats Medverkan (demo)',
    email: 'patient2@demo.navet.example',
    group: 'LPO Psykisk hälsa (demo)',
    org: 'Föreningen för psykisk hälsa (demo)',
    user: false,
  },
] as const;

/** A function, so that the dates move with the clock when the demo is loaded. */
const assignments = () =>
  [
    { kind: 'meeting', date: demoDate('2026-03-12'), timeUnit: 'half-day', description: 'Programområdets möte: behovsanalys' },
    { kind: 'meeting', date: demoDate('2026-05-20'), timeUnit: 'full-day', description: 'Workshop om vårdförlopp' },
    {
      kind: 'work',
      date: demoDate('2026-09-10'),
      timeUnit: 'hours',
      minutes: 150,
      description: 'Läsning och synpunkter på remissvar',
    },
    { kind: 'meeting', date: demoDate('2026-11-05'), timeUnit: 'meeting', description: 'Digitalt avstämningsmöte' },
  ] as const;

/**
 * Demo participation in Region Kronoberg: two persons with patient experience, recruited and
 * introduced by the process support, with assignments and claims in each state. Lena can sign
 * in (patient@demo.navet.example) and see her own claims.
 */
export async function loadCompensationDemo(db: Db, ctx: Ctx): Promise<void> {
  // Navet ships no rates (the national levels are not in the sources). The demo's claims need a
  // model: one with made-up amounts, named as such, that an administrator sees and can replace.
  const start = demoDate('2026-01-01');
  if (!modelOn(await repo.listRateModels(db), start)) {
    await createRateModel(db, ctx, {
      name: 'Demomodell (påhittade belopp, inte den nationella modellen)',
      validFrom: start,
      validTo: null,
      meetingFeeOre: 50000,
      halfDayFeeOre: 90000,
      fullDayFeeOre: 180000,
      hourlyFeeOre: 22500,
      mileageOrePerKm: 250,
      lossOfIncomeMaxOrePerDay: null,
      source: 'Demodata: beloppen är påhittade. Lägg in årets nivåer enligt den nationella modellen innan verklig användning.',
    });
  }
  for (const p of PATIENTS) {
    const [group] = await db.query<{ id: string }>('SELECT id FROM groups WHERE owner = $1 AND name = $2', [REGION, p.group]);
    if (!group) continue;
    if (p.user) await buildUser(db, { name: p.name, email: p.email, password: PASSWORD, isDemo: true }, ctx);
    const person = await buildPerson(
      db,
      { name: p.name, email: p.email, employer: p.org, employerType: 'patient-organisation', homeOwner: REGION, isDemo: true },
      ctx,
    );
    const participant = await recordParticipant(db, ctx, {
      personId: person.id,
      groupId: group.id,
      recruitedOn: demoDate('2026-01-15'),
      recruitedBy: 'Cecilia Fiktiv (demo)',
      introducedOn: demoDate('2026-02-03'),
      introducedBy: 'Cecilia Fiktiv (demo)',
      notes: 'Rekryterad via patientföreningen; introduktion om kunskapsstyrningens syfte, roller och beslutsvägar.',
    });
    const claims = [];
    for (const a of assignments()) {
      const row = await recordAssignment(db, ctx, participant.id, { ...a });
      claims.push(row);
    }
    const [first, second, third] = claims;
    const approved = await submitClaim(db, ctx, { assignmentId: first!.id, distanceKm: 86, travelCostsOre: 0 });
    await decideClaim(db, ctx, approved.id, 'approve', { version: approved.version });
    const returned = await submitClaim(db, ctx, {
      assignmentId: second!.id,
      distanceKm: 0,
      travelCostsOre: 34500,
      note: 'Tåg Växjö–Kalmar t/r',
    });
    if (p.user) {
      await decideClaim(db, ctx, returned.id, 'return', { version: returned.version, comment: 'Bifoga tågbiljetten, tack.' });
      await submitClaim(db, ctx, { assignmentId: third!.id, distanceKm: 0, travelCostsOre: 0 });
    } else {
      await decideClaim(db, ctx, returned.id, 'approve', { version: returned.version });
    }
  }
}
