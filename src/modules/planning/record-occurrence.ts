/**
 * Recording that an obligation's occurrence happened: on a meeting of the responsible group (its
 * date is the day it happened), or on a date with a note. A past occurrence recorded late closes
 * its gap; a record may be corrected (the audit keeps both).
 */
import { clock } from '../../platform/clock.js';
import { recordAudit } from '../../platform/audit/record.js';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, unprocessable, type FieldError } from '../../platform/errors.js';
import { isCancelled } from '../meetings/index.js';
import { assertVisible } from '../visible.js';
import './audit.js';
import * as repo from './obligation-repository.js';
import { mayReadObligation, occurrencesOf } from './obligation-queries.js';
import { authorizePlanWrite } from './policy.js';

export async function recordOccurrence(
  db: Db,
  ctx: Ctx,
  id: string,
  input: { year: number; ordinal: number; heldOn: string | null; meetingId: string | null; note: string | null },
) {
  // Anonymous callers are told to sign in (401) before anything about the record is told.
  requireActor(ctx.actor);
  return db.transaction(async (tx) => {
    const o = await repo.getObligation(tx, id);
    if (!o || !(await mayReadObligation(ctx, tx, o))) throw notFound('Skyldigheten');
    await authorizePlanWrite(ctx, tx, o.groupId);
    await assertVisible(tx, ctx, { meeting: input.meetingId });
    const errors: FieldError[] = [];
    if (input.ordinal > o.timesPerYear)
      errors.push({ path: '/ordinal', message: `Skyldigheten gäller ${o.timesPerYear} gånger per år.` });
    let heldOn = input.heldOn;
    if (input.meetingId) {
      const m = await repo.meetingFacts(tx, input.meetingId);
      if (!m || m.groupId !== o.groupId) errors.push({ path: '/meetingId', message: `Mötet är inte ${o.groupName}s.` });
      else if (isCancelled(m.status)) errors.push({ path: '/meetingId', message: 'Mötet är inställt.' });
      else if (heldOn && heldOn !== m.meetingDate) errors.push({ path: '/heldOn', message: `Mötet hölls ${m.meetingDate}.` });
      else heldOn = m.meetingDate;
    } else if (!input.note?.trim()) {
      errors.push({ path: '/note', message: 'Ange ett möte, eller datum och en anteckning om vad som gjordes.' });
    }
    if (!heldOn) errors.push({ path: '/heldOn', message: 'Saknas' });
    else if (heldOn > clock.today()) errors.push({ path: '/heldOn', message: 'Det kan inte registreras innan det har hänt.' });
    else if (heldOn.slice(0, 4) !== String(input.year))
      errors.push({ path: '/heldOn', message: `Datumet ligger inte i ${input.year}.` });
    if (errors.length) throw unprocessable('Tillfället kan inte registreras.', errors);
    const occurrence = (await occurrencesOf(tx, o, input.year)).find((c) => c.ordinal === input.ordinal)!;
    const stored = await repo.storedOccurrence(tx, o.id, input.year, input.ordinal);
    await repo.recordOccurrence(tx, {
      obligationId: o.id,
      year: input.year,
      ordinal: input.ordinal,
      dueOn: occurrence.dueOn,
      heldOn: heldOn!,
      meetingId: input.meetingId,
      note: input.note?.trim() || null,
    });
    const after = (await repo.storedOccurrence(tx, o.id, input.year, input.ordinal))!;
    const strip = ({ meetingDate: _m, ...rest }: repo.OccurrenceRow) => rest;
    await recordAudit(tx, ctx, {
      entityType: 'obligation',
      entityId: o.id,
      action: 'record',
      before: stored ? strip(stored) : null,
      after: strip(after),
    });
    return o;
  });
}
