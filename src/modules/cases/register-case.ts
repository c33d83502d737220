import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import { requestScope } from '../../platform/auth/scope.js';
import { todayInSweden } from '../../platform/clock.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { unprocessable } from '../../platform/errors.js';
import './audit.js';
import { assertMay } from './policy.js';
import { presentCaseFlow } from './presenter.js';
import * as repo from './repository.js';
import type { RegisterBody } from './schemas.js';
import { caseNumber, caseYear, defaultPrefix } from './rules/case-number.js';

/** A registration as the API takes it; with sekretessmarkering the legal ground is required too. */
export type RegisterCaseInput = Static<typeof RegisterBody>;

/** Registers a matter once, with the next case number of its region and year. */
export async function registerCase(db: Db, ctx: Ctx, input: RegisterCaseInput, opts: { today?: string } = {}) {
  if (input.receivedDate > (opts.today ?? todayInSweden())) {
    throw unprocessable('Ett ärende kan inte ha kommit in i framtiden.', [
      { path: 'receivedDate', message: 'ligger efter dagens datum' },
    ]);
  }
  const secrecyGround = input.secrecyGround?.trim() || null;
  if (input.secret && !secrecyGround) {
    throw unprocessable('Ange sekretessgrund (lagrum) för ett sekretessmarkerat ärende.', [
      { path: 'secrecyGround', message: 'saknas' },
    ]);
  }
  return db.transaction(async (tx) => {
    const geo = await requestScope(ctx, tx).geography();
    if (!geo.regionHealthcareRegions.has(input.region)) {
      throw unprocessable(`Det finns ingen region med länskod ${input.region}.`, [{ path: 'region', message: 'okänd länskod' }]);
    }
    const actor = await assertMay(tx, ctx, 'cases.register', input.region);
    const year = caseYear(input.receivedDate);
    const sequence = await repo.nextSequence(tx, input.region, year);
    const prefix = (await repo.prefixOf(tx, input.region)) ?? defaultPrefix(input.region);
    // Every field of the registration is written to its column (a field added to RegisterBody and
    // the table needs nothing here); the region, the number and the trimmed texts are settled here.
    const { region, ...fields } = input;
    const row = await repo.insertCase(tx, {
      ...fields,
      regionCode: region,
      year,
      sequence,
      caseNumber: caseNumber(prefix, year, sequence),
      subject: input.subject.trim(),
      sender: input.sender.trim(),
      registeredBy: actor.via === 'system' ? null : actor.userId,
      secret: input.secret ?? false,
      secrecyGround: input.secret ? secrecyGround : null,
    });
    await recordAudit(tx, ctx, { entityType: 'case', entityId: row.id, action: 'register', after: presentCaseFlow(row) });
    return row;
  });
}
