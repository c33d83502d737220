/**
 * The support's page in one answer: the support with its versions and their consequence
 * descriptions, recommendations, consultation rounds, the local additions the caller may see,
 * and what the caller may do (allowedActions, permissions). The only place the catalogue reads
 * the consultation rounds of a support.
 */
import { todayInSweden } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { notFound } from '../../platform/errors.js';
import * as additions from './local-addition-repository.js';
import { knowledgePolicy } from './policy.js';
import { presentLocalAddition, presentRecommendation, presentSupport, presentVersion, writesSupport } from './presenter.js';
import * as recs from './recommendation-repository.js';
import * as repo from './repository.js';
import { presentRound } from '../consultation/index.js';
import { roundsRepository as roundRepo } from '../consultation/index.js';
import { DRAFT } from './rules/local-addition-lifecycle.js';

async function roundsOf(db: Queryable, supportId: string) {
  const today = todayInSweden();
  const rounds = await roundRepo.listRounds(db, { supportId, today, limit: 200 });
  const ids = rounds.map((r) => r.id);
  const [recipients, documents] = await Promise.all([roundRepo.recipientsOf(db, ids), roundRepo.documentsOf(db, ids)]);
  return rounds.map((r) => presentRound(r, today, recipients, documents));
}

export async function readSupport(db: Queryable, ctx: Ctx, id: string) {
  const s = await repo.getSupport(db, id);
  if (!s) throw notFound('Kunskapsstödet');
  const policy = knowledgePolicy(ctx, db);
  const [versions, recommendations, localAdditions, rounds, owners, replacedBy, caller] = await Promise.all([
    repo.versionsOf(db, s.id),
    recs.recommendationsOf(db, s.id),
    additions.localAdditionsOf(db, s.id),
    roundsOf(db, s.id),
    policy.localOwners(),
    s.replacedBySupportId ? repo.getSupport(db, s.replacedBySupportId) : Promise.resolve(undefined),
    policy.caller(),
  ]);
  const consequences = await repo.consequencesOf(
    db,
    versions.map((v) => v.id),
  );
  const ownerIds = new Set(owners.map((o) => o.id));
  return {
    support: presentSupport(s, caller),
    versions: versions.map((v) => presentVersion(v, consequences, caller)),
    recommendations: recommendations.map(presentRecommendation),
    localAdditions: localAdditions
      .filter((a) => a.status !== DRAFT || ownerIds.has(a.ownerGroupId))
      .map((a) => presentLocalAddition(a, ownerIds.has(a.ownerGroupId))),
    rounds,
    replacedBy: replacedBy ? { id: replacedBy.id, title: replacedBy.title } : null,
    permissions: { edit: writesSupport(s, caller), createRound: caller.createRound, localOwners: owners },
  };
}
