import { todayInSweden } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { notFound, unauthorized } from '../../platform/errors.js';
import { consultationCaller, jointAccess } from './policy.js';
import * as repo from './repository.js';

/** A joint answer with the caller's rights on it; 404 when unknown or not the caller's to read. */
export async function loadJoint(db: Queryable, ctx: Ctx, id: string, opts: { forUpdate?: boolean } = {}) {
  if (!ctx.actor) throw unauthorized();
  const joint = await repo.getJoint(db, id, opts);
  if (!joint) throw notFound('Det gemensamma svaret');
  const caller = await consultationCaller(db, ctx, todayInSweden());
  const members = await repo.memberRegions(db, joint.healthcareRegionId);
  const access = jointAccess(
    caller,
    joint,
    members.map((m) => m.code),
  );
  if (!access.read) throw notFound('Det gemensamma svaret');
  return { joint, access, members };
}

/** The joint answer with each member region's input side by side (for those who compile or approve it). */
export async function readJointAnswer(db: Db, ctx: Ctx, id: string) {
  const { joint, access, members } = await loadJoint(db, ctx, id);
  const sections = await repo.jointSectionsOf(db, id);
  const answers = await repo.listAnswers(db, { roundId: joint.roundId, regions: members.map((m) => m.code) });
  const inputs = [];
  for (const m of members) {
    const a = answers.find((x) => x.region === m.code);
    inputs.push({
      region: m.code,
      regionName: m.name,
      answerId: a?.id ?? null,
      status: a?.status ?? null,
      caseNumber: a?.caseNumber ?? null,
      sections:
        a && (access.work || access.approve)
          ? (await repo.sectionsOf(db, a.id)).map((s) => ({ heading: s.heading, body: s.body }))
          : [],
    });
  }
  return { joint, sections, inputs, access, round: await repo.getRound(db, joint.roundId), today: todayInSweden() };
}
