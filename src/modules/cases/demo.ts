import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { buildCase, buildGroup, buildPerson } from '../../testing/builders.js';
import { addCaseAction } from './add-case-action.js';
import { escalateCase } from './escalate-case.js';
import { linkCase } from './link-case.js';
import { registerCase } from './register-case.js';
import * as repo from './repository.js';
import { transitionCase } from './transition-case.js';
import { triageCase } from './triage-case.js';
import { updateCase } from './update-case.js';
import { uploadDocument } from './upload-document.js';
import { demoDate } from '../demo/index.js';

const REGION = '07';

/** A group of the demo region by name, made when missing (the meetings demo may have made it). */
async function forum(db: Db, ctx: Ctx, kind: 'forum' | 'council', name: string): Promise<string> {
  const [found] = await db.query<{ id: string }>(`SELECT id FROM groups WHERE owner = $1 AND name = $2 AND status = 'active'`, [
    REGION,
    name,
  ]);
  if (found) return found.id;
  return (await buildGroup(db, { kind, level: 'region', owner: REGION, name, isDemo: true }, ctx)).id;
}

const version = async (db: Db, id: string) => (await repo.getCase(db, id))!.version;

/**
 * The case flow in the demo region: a matter decided by the kunskapsråd and being carried out
 * with action items, one escalated from the LPO ordförandeforum, a bundled one, a secret one,
 * a closed one, and the registered ones left in the beredningsforum's queue.
 */
export async function loadCasesDemo(db: Db, ctx: Ctx): Promise<void> {
  const council = await forum(db, ctx, 'council', 'Kunskapsrådet (demo)');
  await forum(db, ctx, 'forum', 'Beredningsforum (demo)');
  const lpoForum = await forum(db, ctx, 'forum', 'LPO Ordförandeforum (demo)');
  await forum(db, ctx, 'forum', 'LSG Samordnarforum (demo)');
  const handler = await buildPerson(
    db,
    {
      name: 'Cecilia Fiktiv (demo)',
      email: 'processtod@demo.navet.example',
      profession: 'Processtöd',
      employer: 'Region Kronoberg',
      employerType: 'region',
      homeOwner: REGION,
      isDemo: true,
    },
    ctx,
  );
  const [lpo] = await db.query<{ id: string }>(
    `SELECT id FROM groups WHERE owner = $1 AND kind = 'program-area' AND name LIKE 'LPO Hjärt%' LIMIT 1`,
    [REGION],
  );
  const cases = await db.query<{ id: string; subject: string }>(
    `SELECT id, subject FROM cases WHERE region_code = $1 ORDER BY sequence`,
    [REGION],
  );
  const bySubject = (s: string) => cases.find((c) => c.subject.includes(s))?.id;
  const heart = bySubject('hjärtsvikt');
  const depression = bySubject('depression');

  if (heart) {
    await triageCase(db, ctx, heart, await version(db, heart), {
      decisionPath: 'forum-decision',
      forumGroupId: council,
      note: 'Berör flera LPO; kunskapsrådet beslutar om införande. (demo)',
    });
    // Paketering before the decision: the bundled case follows it.
    const bundled = await buildCase(
      db,
      {
        region: REGION,
        subject: 'Synpunkter från primärvården på vårdförloppet hjärtsvikt (demo)',
        origin: 'local',
        sender: 'Vårdcentralerna i Kronoberg (demo)',
        receivedDate: demoDate('2026-10-02'),
      },
      ctx,
    );
    await triageCase(db, ctx, bundled.id, bundled.version, { decisionPath: 'bundled', mainCaseId: heart });
    await updateCase(db, ctx, heart, await version(db, heart), {
      ...(lpo ? { assignedGroupId: lpo.id } : {}),
      handlerPersonId: handler.id,
      dueDate: demoDate('2027-03-31'),
    });
    await db.transaction(async (tx) => {
      await transitionCase(tx, ctx, heart, 'for-beslut');
      await transitionCase(tx, ctx, heart, 'beslutad', { decisionRef: `Kunskapsrådet ${demoDate('2026-11-05')} § 12 (demo)` });
      await transitionCase(tx, ctx, heart, 'under-genomforande');
      const done = await addCaseAction(tx, ctx, {
        caseId: heart,
        title: 'Utse kontaktperson i varje LPO (demo)',
        ownerPersonId: handler.id,
        dueDate: demoDate('2026-11-20'),
      });
      await tx.query(`UPDATE case_actions SET status = 'done', done_at = now() WHERE id = $1`, [done.id]);
      await addCaseAction(tx, ctx, {
        caseId: heart,
        title: 'Informera verksamhetscheferna om vårdförloppet (demo)',
        ownerPersonId: handler.id,
        dueDate: demoDate('2026-12-15'),
      });
      await addCaseAction(tx, ctx, {
        caseId: heart,
        title: 'Återrapportera införandet till kunskapsrådet (demo)',
        ownerName: 'LPO Hjärt- och kärlsjukdomar (demo)',
        dueDate: demoDate('2027-03-01'),
      });
    });
    await uploadDocument(db, ctx, heart, {
      fileName: 'Beslutsunderlag vårdförlopp hjärtsvikt (demo).txt',
      bytes: Buffer.from(
        'Beslutsunderlag (demo)\n\nFörslag: kunskapsrådet ställer sig bakom införandet av det nationella vårdförloppet hjärtsvikt – nyupptäckt.\n\nFiktiv text för demonstration.\n',
        'utf8',
      ),
    });
  }

  if (depression) {
    await triageCase(db, ctx, depression, await version(db, depression), {
      decisionPath: 'forum-decision',
      forumGroupId: lpoForum,
      note: 'LPO Psykisk hälsa bereder svaret. (demo)',
    });
    await escalateCase(db, ctx, depression, await version(db, depression), {
      forumGroupId: council,
      reason: 'Svaret kräver prioritering av resurser mellan flera verksamheter. (demo)',
    });
  }

  await registerCase(db, ctx, {
    region: REGION,
    subject: 'Avvikelse i enskilt vårdförlopp (demo)',
    origin: 'local',
    sender: 'Verksamhetschef (demo)',
    receivedDate: demoDate('2026-11-10'),
    secret: true,
    secrecyGround: 'OSL 25 kap. 1 §',
  });

  const closed = await buildCase(
    db,
    {
      region: REGION,
      subject: 'Förfrågan om nationell statistik för palliativ vård (demo)',
      origin: 'agency',
      sender: 'Socialstyrelsen',
      receivedDate: demoDate('2026-09-01'),
    },
    ctx,
  );
  await db.transaction(async (tx) => {
    await transitionCase(tx, ctx, closed.id, 'under-beredning');
    await transitionCase(tx, ctx, closed.id, 'avslutad', {
      reason: 'Besvarad av samordnaren direkt; inget beslut behövs. (demo)',
    });
  });
  if (heart) {
    const other = cases.find((c) => c.id !== heart && c.id !== depression);
    if (other) await linkCase(db, ctx, heart, { targetType: 'case', targetId: other.id, note: 'Närliggande fråga (demo)' });
  }
}
