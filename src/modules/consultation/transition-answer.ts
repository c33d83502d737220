import { clock } from '../../platform/clock.js';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { unprocessable } from '../../platform/errors.js';
import { checkVersion, loadAnswer, next, require, type Loaded } from './load-answer.js';
import * as repo from './repository.js';
import type { AnswerAction } from './rules/answer-lifecycle.js';

/**
 * The steps of an answer after routing, each guarded by the state machine and by who may take
 * it: the lead group starts the draft and says when it is ready; the beredningsforum prepares
 * (or the decision forum returns it); the forum that owns the decision decides; the
 * coordinator or the lead marks it sent.
 */
export type StepInput =
  | { action: 'start-draft'; version: number }
  | { action: 'prepare'; version: number; note?: string }
  | { action: 'return'; version: number; note: string }
  | { action: 'decide'; version: number; decisionRef: string; decidedOn: string }
  | { action: 'send'; version: number; sentOn: string; note?: string };

function mayTake(l: Loaded, action: AnswerAction): void {
  switch (action) {
    case 'start-draft':
      return require(l.access.lead, 'Bara den ledande gruppens ordförande eller processtöd kan börja på utkastet.');
    case 'prepare':
      if (!l.answer.beredning_group_id)
        throw unprocessable('Svaret har inget beredande forum. Fördela om det och ange ett.', [
          { path: 'beredningGroupId', message: 'saknas' },
        ]);
      return require(l.access.prepare, 'Bara det beredande forumet kan markera svaret som berett.');
    case 'return':
      return require(l.access.prepare || l.access.decide, 'Bara det beredande eller beslutande forumet kan återremittera.');
    case 'decide':
      if (!l.answer.decision_group_id)
        throw unprocessable('Svaret har inget beslutande forum. Fördela om det och ange ett.', [
          { path: 'decisionGroupId', message: 'saknas' },
        ]);
      return require(l.access.decide, 'Bara det forum som äger beslutet kan besluta svaret.');
    case 'send':
      return require(l.access.send, 'Bara samordnaren eller den ledande gruppen kan markera svaret som skickat.');
    case 'route':
    case 'send-survey':
    case 'supersede':
      return require(false);
  }
}

export async function stepAnswer(db: Db, ctx: Ctx, id: string, input: StepInput, opts: { today?: string } = {}) {
  return db.transaction(async (tx) => {
    const l = await loadAnswer(tx, ctx, id, { forUpdate: true, ...opts });
    mayTake(l, input.action);
    checkVersion(l.answer, input.version);
    const to = next(l.answer.status, input.action);
    const set: Parameters<typeof repo.updateAnswer>[3] = { status: to };
    if (input.action === 'prepare') {
      set.prepared_at = clock.now();
      set.preparation_note = input.note?.trim() || null;
    }
    if (input.action === 'return') set.preparation_note = input.note.trim();
    if (input.action === 'decide') {
      if (input.decidedOn > l.today)
        throw unprocessable('Beslutsdatumet kan inte ligga i framtiden.', [
          { path: 'decidedOn', message: 'ligger efter dagens datum' },
        ]);
      set.decision_ref = input.decisionRef.trim();
      set.decided_on = input.decidedOn;
    }
    if (input.action === 'send') {
      if (input.sentOn > l.today)
        throw unprocessable('Datumet då svaret skickades kan inte ligga i framtiden.', [
          { path: 'sentOn', message: 'ligger efter dagens datum' },
        ]);
      if (l.answer.decided_on && input.sentOn < l.answer.decided_on)
        throw unprocessable('Svaret kan inte ha skickats före beslutet.', [{ path: 'sentOn', message: 'före beslutsdatumet' }]);
      set.sent_on = input.sentOn;
      set.sent_note = input.note?.trim() || null;
    }
    if (input.action === 'start-draft') {
      const survey = await repo.surveyOfAnswer(tx, id);
      if (survey) await repo.closeSurvey(tx, survey.id);
    }
    await repo.updateAnswer(tx, id, l.answer.version, set);
    await recordAudit(tx, ctx, {
      entityType: 'consultation-answer',
      entityId: id,
      action: 'transition',
      before: { status: l.answer.status },
      after: {
        status: to,
        action: input.action,
        ...Object.fromEntries(Object.entries(input).filter(([k]) => k !== 'action' && k !== 'version')),
      },
    });
  });
}

/** The lead says the draft is ready for beredning (the "draft ready" milestone); editing stays open. */
export async function markDraftReady(db: Db, ctx: Ctx, id: string, version: number) {
  return db.transaction(async (tx) => {
    const l = await loadAnswer(tx, ctx, id, { forUpdate: true });
    require(l.access.lead, 'Bara den ledande gruppen kan säga att utkastet är klart.');
    checkVersion(l.answer, version);
    if (l.answer.status !== 'utkast') {
      throw unprocessable('Bara ett utkast kan markeras som klart för beredning.', [
        { path: 'status', message: 'inte ett utkast' },
      ]);
    }
    await repo.updateAnswer(tx, id, version, { draft_ready_at: clock.now() });
    await recordAudit(tx, ctx, {
      entityType: 'consultation-answer',
      entityId: id,
      action: 'draft-ready',
      after: { draftReady: true },
    });
  });
}
