import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import { requestScope } from '../../platform/auth/scope.js';
import { todayInSweden } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Tx } from '../../platform/db/index.js';
import { conflict, notFound, unprocessable } from '../../platform/errors.js';
import { registerCase } from '../cases/index.js';
import { authorizeInRegion } from './policy.js';
import * as repo from './repository.js';
import type { RegisterBody } from './schemas.js';
import { DEFAULT_SECTIONS } from './rules/answer-lifecycle.js';
import { isRoundCancelled } from './rules/round-lifecycle.js';
import { DEFAULT_OFFSETS, scheduleMilestones } from './rules/milestones.js';

export type RegisterAnswerInput = Static<typeof RegisterBody>;

/** The case register's use case runs inside this transaction: one answer, one case number, or neither. */
const within = (db: Db, tx: Tx): Db => ({
  kind: db.kind,
  query: (sql, params) => tx.query(sql, params),
  exec: (sql) => tx.exec(sql),
  transaction: (fn) => fn(tx),
  ping: () => db.ping(),
  close: () => Promise.resolve(),
});

/**
 * Registers a national round in a region ("en väg in"): a case number in the region's case
 * register, the answer with its default sections, and its internal milestones scheduled back
 * from the round's deadline with the region's offsets. The same round twice in one region → 409.
 */
export async function registerAnswer(
  db: Db,
  ctx: Ctx,
  input: RegisterAnswerInput,
  opts: { today?: string; isDemo?: boolean } = {},
) {
  const today = opts.today ?? todayInSweden();
  return db.transaction(async (tx) => {
    const geo = await requestScope(ctx, tx).geography();
    if (!geo.regionHealthcareRegions.has(input.region)) {
      throw unprocessable(`Det finns ingen region med länskod ${input.region}.`, [{ path: 'region', message: 'okänd länskod' }]);
    }
    await authorizeInRegion(ctx, tx, 'consultations.register', input.region);
    const round = await repo.getRound(tx, input.roundId);
    if (!round) throw notFound('Remissomgången');
    if (isRoundCancelled(round.status))
      throw unprocessable('Remissomgången är avbruten.', [{ path: 'roundId', message: 'avbruten omgång' }]);
    const existing = await repo.liveAnswerFor(tx, round.id, input.region);
    if (existing) {
      throw conflict(`Remissen är redan registrerad i ${existing.regionName} med diarienummer ${existing.caseNumber}.`);
    }
    const settings = await repo.getSettings(tx, input.region);
    const kase = await registerCase(
      within(db, tx),
      ctx,
      {
        region: input.region,
        subject: `Remiss: ${round.title}`.slice(0, 500),
        origin: 'national',
        sender: round.sender,
        receivedDate: input.receivedDate ?? (round.opensOn < today ? round.opensOn : today),
      },
      { today },
    );
    const id = await repo.insertAnswer(tx, {
      roundId: round.id,
      region: input.region,
      caseId: kase.id,
      status: 'registrerad',
      beredningGroupId: settings?.beredningGroupId ?? null,
      decisionGroupId: settings?.decisionGroupId ?? null,
      createdBy: ctx.actor?.via === 'system' ? null : (ctx.actor?.userId ?? null),
      ...(opts.isDemo ? { isDemo: true } : {}),
    });
    for (const heading of DEFAULT_SECTIONS) await repo.insertSection(tx, id, heading);
    const milestones = scheduleMilestones(round.closesOn, settings ? repo.offsetsOf(settings) : DEFAULT_OFFSETS);
    await repo.setMilestones(tx, id, milestones);
    const answer = (await repo.getAnswer(tx, id))!;
    await recordAudit(tx, ctx, {
      entityType: 'consultation-answer',
      entityId: id,
      action: 'register',
      after: { roundId: round.id, region: input.region, caseNumber: answer.caseNumber, milestones },
    });
    return answer;
  });
}
