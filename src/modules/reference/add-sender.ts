/**
 * Adding an organisation to the register of senders (an agency, SKR or another sender of remisses
 * and cases that the seeded list lacks). The register is national: an administrator, or a
 * samordnare of any region, adds to it. A name already in the register or the reference data is
 * refused (409), so one organisation is picked under one name. Audited in the same transaction.
 */
import { recordAudit } from '../../platform/audit/record.js';
import { grantsOf } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, forbidden, unauthorized } from '../../platform/errors.js';
import './audit.js';
import * as repo from './repository.js';

export async function addSender(db: Db, ctx: Ctx, input: { name: string; shortName?: string | null; kind: 'myndighet' | 'skr' | 'ovrig' }) {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  if (!grantsOf(actor.roles).some((g) => g.permission === 'senders.manage')) throw forbidden();
  const name = input.name.trim().replace(/\s+/g, ' ');
  const shortName = input.shortName?.trim() || null;
  return db.transaction(async (tx) => {
    if (await repo.referenceNameTaken(tx, name)) throw conflict(`${name} finns redan i registret över avsändare.`);
    const row = await repo.insertSender(tx, { name, shortName, kind: input.kind }, actor.name);
    if (!row) throw conflict(`${name} finns redan i registret över avsändare.`);
    await recordAudit(tx, ctx, { entityType: 'sender', entityId: row.id.slice('sender:'.length), action: 'create', after: row });
    return row;
  });
}
