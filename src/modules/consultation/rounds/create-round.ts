import { assertVisible } from '../../visible.js';
import { recordAudit } from '../../../platform/audit/record.js';
import { todayInSweden } from '../../../platform/clock.js';
import type { Ctx } from '../../../platform/context.js';
import type { Db, Queryable } from '../../../platform/db/index.js';
import { conflict, unprocessable, type FieldError } from '../../../platform/errors.js';
import { repository as kRepo } from '../../knowledge/index.js';
import { applyVersionTransition } from '../../knowledge/index.js';
import { planRound, type RoundChoice } from '../../knowledge/index.js';
import { isCalendarTrack, type AnyTrack } from '../../../shared/round-vocabulary.js';
import { planOwnDateRound } from '../rules/tracks.js';
import { authorizeRounds } from '../policy.js';
import { CONSULTABLE_VERSION_STATUSES, isOnRemiss } from '../rules/round-lifecycle.js';
import { roundCore } from './presenter.js';
import * as repo from './repository.js';
import { addLinkDocument, type LinkDocumentInput } from './documents.js';

export interface RecipientInput {
  type: 'region' | 'healthcare-region';
  id: string;
}

export interface CreateRoundInput extends Omit<RoundChoice, 'track'> {
  /** SKR's two tracks are proposed and placed by the calendar; the others take the dates a person enters. */
  track?: AnyTrack | undefined;
  supportVersionId: string;
  title?: string | undefined;
  sender?: string | undefined;
  /** Default: every region. */
  recipients?: RecipientInput[] | undefined;
  documents?: LinkDocumentInput[] | undefined;
  isDemo?: boolean;
  /** Only for the demo and tests: the day the round is planned on (default today in Sweden). */
  today?: string;
}

export async function checkRecipients(tx: Queryable, recipients: RecipientInput[]): Promise<RecipientInput[]> {
  const known = await repo.knownRecipients(tx);
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const out: RecipientInput[] = [];
  recipients.forEach((r, i) => {
    const ok = r.type === 'region' ? known.regions.has(r.id) : known.healthcareRegions.has(r.id);
    if (!ok)
      errors.push({
        path: `/recipients/${i}/id`,
        message: `${r.type === 'region' ? 'Regionen' : 'Sjukvårdsregionen'} ${r.id} finns inte.`,
      });
    const key = `${r.type}:${r.id}`;
    if (!seen.has(key)) out.push(r);
    seen.add(key);
  });
  if (errors.length) throw unprocessable('Mottagarna kunde inte användas.', errors);
  return out;
}

/** The proposal for a version (used by the form before anything is saved). */
export async function proposeForVersion(db: Queryable, versionId: string, today: string, choice: RoundChoice = {}) {
  const version = await kRepo.getVersion(db, versionId);
  if (!version) return undefined;
  const consequences = await kRepo.consequencesOf(db, [versionId]);
  return { version, plan: planRound(consequences, today, choice) };
}

/**
 * A national round: created by system administrators (or an admin's API token). On SKR's two
 * tracks the track is proposed from the version's consequence description and the round placed
 * in the next calendar slot; overrides need a reason. The other remiss processes (seed 002:
 * nationella riktlinjer, högspecialiserad vård, cancer, partnership agencies) are chosen by the
 * person, with the dates they enter. The version goes on remiss. A second active round
 * of the same version on the same track with an overlapping window is refused (409).
 */
export async function createRound(db: Db, ctx: Ctx, input: CreateRoundInput) {
  return db.transaction(async (tx) => {
    authorizeRounds(ctx);
    const today = input.today ?? todayInSweden();
    await assertVisible(tx, ctx, { 'support-version': input.supportVersionId });
    const version = await kRepo.getVersion(tx, input.supportVersionId, { forUpdate: true });
    if (!version) {
      throw unprocessable('Versionen finns inte.', [
        { path: '/supportVersionId', message: 'Välj en version av ett kunskapsstöd.' },
      ]);
    }
    const support = (await kRepo.getSupport(tx, version.supportId))!;
    const plan =
      input.track && !isCalendarTrack(input.track)
        ? planOwnDateRound(input.track, input)
        : planRound(await kRepo.consequencesOf(tx, [version.id]), today, { ...input, track: input.track });
    if (plan.errors.length) throw unprocessable('Remissomgången kunde inte planeras.', plan.errors);
    if (!CONSULTABLE_VERSION_STATUSES.includes(version.status)) {
      throw unprocessable(`Versionen är ${version.status.replace('-', ' ')} och kan inte skickas på remiss.`, [
        { path: '/supportVersionId', message: 'Bara en version under framtagande eller revision kan gå på remiss.' },
      ]);
    }
    const dupes = await repo.overlappingRounds(tx, version.id, plan.track, plan.opensOn, plan.closesOn, null);
    if (dupes.length > 0) {
      throw conflict(
        `Versionen ${version.label} har redan en omgång på samma spår ${dupes[0]!.opensOn}–${dupes[0]!.closesOn}. Ändra den i stället för att registrera en ny.`,
      );
    }
    const recipients = await checkRecipients(
      tx,
      input.recipients && input.recipients.length > 0
        ? input.recipients
        : [...(await repo.knownRecipients(tx)).regions].sort().map((id) => ({ type: 'region' as const, id })),
    );
    const sender =
      input.sender?.trim() ||
      support.sender ||
      support.producerGroupName ||
      support.producerName ||
      'Nationellt system för kunskapsstyrning';
    const id = await repo.insertRound(tx, {
      supportVersionId: version.id,
      track: plan.track,
      opensOn: plan.opensOn,
      closesOn: plan.closesOn,
      title: input.title?.trim() || `${support.title}, version ${version.label}`,
      sender,
      proposedTrack: plan.proposal.track,
      proposedOpensOn: plan.proposal.opensOn,
      proposedClosesOn: plan.proposal.closesOn,
      trackOverridden: plan.trackOverridden,
      datesOverridden: plan.datesOverridden,
      overrideReason: plan.overrideReason,
      isDemo: input.isDemo ?? false,
      createdBy: ctx.actor.via === 'system' ? null : ctx.actor.userId,
    });
    await repo.setRecipients(tx, id, recipients);
    const row = (await repo.getRound(tx, id))!;
    await recordAudit(tx, ctx, {
      entityType: 'consultation-round',
      entityId: id,
      action: 'create',
      after: { ...roundCore(row), recipients, proposalBecause: plan.proposal.because },
    });
    if (plan.trackOverridden || plan.datesOverridden) {
      await recordAudit(tx, ctx, {
        entityType: 'consultation-round',
        entityId: id,
        action: 'override',
        before: { track: plan.proposal.track, opensOn: plan.proposal.opensOn, closesOn: plan.proposal.closesOn },
        after: { track: plan.track, opensOn: plan.opensOn, closesOn: plan.closesOn, reason: plan.overrideReason },
      });
    }
    for (const d of input.documents ?? []) await addLinkDocument(tx, ctx, id, d);
    if (!isOnRemiss(version.status)) await applyVersionTransition(tx, ctx, version, 'pa-remiss', today);
    return row;
  });
}
