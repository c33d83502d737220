import { todayInSweden } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, unauthorized } from '../../platform/errors.js';
import { answerFacts } from './answer-transition.js';
import { loadAnswer } from './load-answer.js';
import { answerAccess, consultationCaller, mayInRegion } from './policy.js';
import { presentAnswer, presentAnswerSummary, presentJointRef, presentSurvey } from './presenter.js';
import * as repo from './repository.js';
import { isSent } from './rules/answer-lifecycle.js';

/** One answer as its workers see it, with the caller's permitted actions. */
export async function readAnswer(db: Db, ctx: Ctx, id: string, opts: { today?: string } = {}) {
  const l = await loadAnswer(db, ctx, id, opts);
  const a = l.answer;
  const survey = await repo.surveyOfAnswer(db, id);
  return presentAnswer(a, {
    round: await repo.getRound(db, a.roundId),
    routed: l.routed,
    deciding: await repo.groupsByIds(
      db,
      [a.beredningGroupId, a.decisionGroupId].filter((x): x is string => !!x),
    ),
    milestones: await repo.milestonesOf(db, [id]),
    sections: await repo.sectionsOf(db, id),
    comments: await repo.commentsOf(db, id),
    survey: survey ? presentSurvey(survey, await repo.recipientsOf(db, survey.id), l.access.lead) : null,
    joints: (await repo.jointsOfRounds(db, [a.roundId])).filter((j) =>
      (l.caller.geo.regionHealthcareRegions.get(a.region) ?? []).includes(j.healthcareRegionId),
    ),
    access: l.access,
    facts: await answerFacts(db, a, l.today),
    today: l.today,
  });
}

/** The answers the caller may read (their regions', and those routed to their groups). */
export async function listVisibleAnswers(db: Db, ctx: Ctx, f: { region?: string; roundId?: string }) {
  if (!ctx.actor) throw unauthorized();
  const today = todayInSweden();
  const caller = await consultationCaller(db, ctx, today);
  const rows = await repo.listAnswers(db, {
    ...(f.region ? { regions: [f.region] } : {}),
    ...(f.roundId ? { roundId: f.roundId } : {}),
  });
  const routed = await repo.routedGroups(
    db,
    rows.map((r) => r.id),
  );
  const visible = rows.filter(
    (a) =>
      answerAccess(
        caller,
        a,
        routed.filter((g) => g.answerId === a.id).map((g) => g.id),
      ).read,
  );
  const ms = await repo.milestonesOf(
    db,
    visible.map((a) => a.id),
  );
  return visible.map((a) => presentAnswerSummary(a, ms, today));
}

/**
 * Open rounds with their deadlines and every region's state — the state only, which every
 * signed-in user may see (the answers themselves stay with their region).
 */
export async function consultationOverview(db: Db, ctx: Ctx, opts: { today?: string } = {}) {
  if (!ctx.actor) throw unauthorized();
  const today = opts.today ?? todayInSweden();
  const rounds = await repo.openRounds(db, today);
  const ids = rounds.map((r) => r.id);
  const answers = ids.length ? (await Promise.all(ids.map((id) => repo.listAnswers(db, { roundId: id })))).flat() : [];
  const joints = await repo.jointsOfRounds(db, ids);
  return {
    today,
    rounds: rounds.map((r) => ({
      ...r,
      regions: answers
        .filter((a) => a.roundId === r.id)
        .map((a) => ({ region: a.region, regionName: a.regionName, status: a.status }))
        .sort((x, y) => x.region.localeCompare(y.region)),
      jointAnswers: joints.filter((j) => j.roundId === r.id).map(presentJointRef),
    })),
  };
}

/** A coordinator's board: the region's answers and the open rounds not yet registered, late ones first. */
export async function regionBoard(db: Db, ctx: Ctx, region: string, opts: { today?: string } = {}) {
  if (!ctx.actor) throw unauthorized();
  const today = opts.today ?? todayInSweden();
  const name = await repo.regionName(db, region);
  if (!name || !(await mayInRegion(ctx, db, 'consultations.read', region))) throw notFound('Regionen');
  const answers = await repo.listAnswers(db, { regions: [region] });
  const ms = await repo.milestonesOf(
    db,
    answers.map((a) => a.id),
  );
  const rounds = new Map((await repo.openRounds(db, today)).map((r) => [r.id, r]));
  for (const a of answers)
    if (!rounds.has(a.roundId)) {
      const r = await repo.getRound(db, a.roundId);
      if (r) rounds.set(r.id, r);
    }
  const items = [...rounds.values()]
    .map((r) => {
      const a = answers.find((x) => x.roundId === r.id);
      return { round: r, answer: a ? presentAnswerSummary(a, ms, today) : null };
    })
    .filter((i) => i.answer === null || !isSent(i.answer.status) || i.round.closesOn >= today)
    .sort(
      (x, y) =>
        Number(y.answer?.late ?? false) - Number(x.answer?.late ?? false) || x.round.closesOn.localeCompare(y.round.closesOn),
    );
  return {
    region,
    regionName: name,
    today,
    mayRegister: await mayInRegion(ctx, db, 'consultations.register', region),
    items,
    groups: (await repo.groupsOfOwner(db, region)).map((g) => ({ id: g.id, name: g.name, kind: g.kind })),
  };
}
