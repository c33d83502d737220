import type { Actor, Ctx, RoleAssignment } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { selectRows } from '../../platform/db/rows.js';
import { buildForumMember, buildGroup } from '../../testing/builders.js';
import { approveMinutes } from './approve-minutes.js';
import { setAdjusters } from './set-adjusters.js';
import { submitMinutes } from './submit-minutes.js';
import { createMeeting } from './create-meeting.js';
import { createMeetingsFromProposal } from './create-meetings-from-proposal.js';
import { addAgendaItem } from './add-agenda-item.js';
import { recordAttendance } from './record-attendance.js';
import * as repo from './repository.js';
import * as agendaRepo from './agenda-repository.js';
import { sendNotice } from './send-notice.js';
import { createParagraph } from './write-paragraph.js';
import { demoDate, demoYear } from '../demo/index.js';

const REGION = '07';
const COUNCIL = 'Kunskapsrådet (demo)';

/** The signed-in identity of a demo user (for the steps only they may take, like justering). */
async function as(db: Db, ctx: Ctx, email: string): Promise<Ctx> {
  const [u] = await db.query<{ id: string; name: string }>('SELECT id, name FROM users WHERE email = $1', [email]);
  const roles = await selectRows<RoleAssignment>(
    db,
    'SELECT role, scope_type, scope_id FROM role_assignments WHERE user_id = $1',
    [u!.id],
  );
  const actor: Actor = {
    userId: u!.id,
    email,
    name: u!.name,
    roles,
    via: 'session',
  };
  return { ...ctx, actor };
}

/**
 * The kunskapsråd of the demo region: members (one with a jäv restriction), approved minutes
 * from October 2026, a called meeting in December with cases on the agenda, and next year's
 * meetings from the cadence rule (every 4–6 weeks, no July, no Christmas).
 */
export async function loadMeetingsDemo(db: Db, ctx: Ctx): Promise<void> {
  const [found] = await db.query<{ id: string }>(`SELECT id FROM groups WHERE owner = $1 AND name = $2 AND status = 'active'`, [
    REGION,
    COUNCIL,
  ]);
  const council =
    found?.id ?? (await buildGroup(db, { kind: 'council', level: 'region', owner: REGION, name: COUNCIL, isDemo: true }, ctx)).id;
  const member = async (name: string, role: string, email?: string, restrictions?: { programAreaId: string; note: string }[]) => {
    const existing = email ? (await db.query<{ id: string }>('SELECT id FROM persons WHERE email = $1', [email]))[0] : undefined;
    if (existing) return existing.id;
    return (
      await buildForumMember(
        db,
        {
          groupId: council,
          role,
          homeOwner: REGION,
          name,
          isDemo: true,
          ...(email ? { email } : {}),
          ...(restrictions ? { restrictions } : {}),
        },
        ctx,
      )
    ).id;
  };
  const astrid = await member('Astrid Exempelsson (demo)', 'sekreterare', 'samordnare@demo.navet.example');
  const bertil = await member('Bertil Påhittad (demo)', 'ordforande', 'ordforande@demo.navet.example');
  await member('Erik Jävsson (demo)', 'ledamot', 'erik.javsson@demo.navet.example', [
    { programAreaId: 'hjart-och-karlsjukdomar', note: 'Konsultuppdrag för ett läkemedelsföretag inom hjärtsvikt (demo)' },
  ]);
  await member('Fatima Tänkt (demo)', 'ledamot', 'fatima.tankt@demo.navet.example');
  await member('Gustav Prov (demo)', 'adjungerad', 'gustav.prov@demo.navet.example');

  // October 2026: held, minutes approved.
  const october = await createMeeting(
    db,
    ctx,
    council,
    { date: demoDate('2026-10-14'), startTime: '13:00', endTime: '15:30', place: 'Regionhuset, Växjö (demo)' },
    { isDemo: true },
  );
  await sendNotice(db, ctx, october.id, { version: (await repo.getMeeting(db, october.id))!.version });
  const called = await repo.attendanceOf(db, october.id);
  await recordAttendance(db, ctx, october.id, {
    entries: called.map((a) => ({ personId: a.personId, status: a.role === 'adjungerad' ? 'franvarande' : 'narvarande' })),
  });
  const [report] = await agendaRepo.agendaOf(db, october.id);
  await createParagraph(db, ctx, october.id, {
    ...(report ? { agendaItemId: report.id } : { title: 'Uppföljningsrapport' }),
    decisionKind: 'information',
    decisionText:
      'Uppföljningsrapporten för tredje kvartalet presenterades. Väntetiderna till specialiserad vård har minskat. (demo)',
  });
  await createParagraph(db, ctx, october.id, {
    title: `Verksamhetsplan ${demoYear(2027)} för kunskapsstyrningen`,
    decisionKind: 'beslut',
    decisionText: `Kunskapsrådet fastställer verksamhetsplanen för ${demoYear(2027)} med de insatsområden som LPO ordförandeforum föreslagit. (demo)`,
    programAreaIds: ['hjart-och-karlsjukdomar'],
  });
  await setAdjusters(db, ctx, october.id, {
    personIds: [bertil, astrid],
    version: (await repo.getMeeting(db, october.id))!.version,
  });
  await submitMinutes(db, ctx, october.id, { version: (await repo.getMeeting(db, october.id))!.version });
  await approveMinutes(db, await as(db, ctx, 'ordforande@demo.navet.example'), october.id);
  await approveMinutes(db, await as(db, ctx, 'samordnare@demo.navet.example'), october.id);

  // December 2026: called, with the cases waiting for the council on the agenda.
  const december = await createMeeting(
    db,
    ctx,
    council,
    {
      date: demoDate('2026-12-09'),
      startTime: '13:00',
      endTime: '15:30',
      place: 'Regionhuset, Växjö (demo)',
      onlineUrl: 'https://mote.example.se/kunskapsradet-demo',
    },
    { isDemo: true },
  );
  const ready = await db.query<{ id: string }>(
    `SELECT id FROM cases WHERE region_code = $1 AND status IN ('under-beredning', 'for-beslut', 'aterremitterad', 'bordlagd') ORDER BY sequence LIMIT 3`,
    [REGION],
  );
  for (const c of ready) await addAgendaItem(db, ctx, december.id, { caseId: c.id });
  await sendNotice(db, ctx, december.id, { version: (await repo.getMeeting(db, december.id))!.version });

  // 2027: the dates the cadence rule proposes.
  await createMeetingsFromProposal(db, ctx, council, { year: demoYear(2027) }, { isDemo: true });
}
