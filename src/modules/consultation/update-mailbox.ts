import { recordAudit } from '../../platform/audit/record.js';
import { requestScope } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { authorizeInRegion, mayInRegion } from './policy.js';
import * as mb from './repository/mailboxes.js';

export interface MailboxInput {
  address: string;
  contacts: { name: string; email: string }[];
  version: number;
}

/** The region's funktionsbrevlåda and contact persons: what the API shows (no mailbox yet = version 0). */
export async function readMailbox(db: Db, ctx: Ctx, region: string) {
  const geo = await requestScope(ctx, db).geography();
  if (!geo.regionHealthcareRegions.has(region)) throw notFound('Regionen');
  await authorizeInRegion(ctx, db, 'consultations.read', region);
  const m = await mb.getMailbox(db, region);
  return {
    region,
    address: m?.address ?? null,
    contacts: m?.contacts ?? [],
    version: m?.version ?? 0,
    mayEdit: await mayInRegion(ctx, db, 'consultations.settings', region),
    mayForward: await mayInRegion(ctx, db, 'consultations.register', region),
  };
}

/**
 * Seed 002: "Synpunktsinhämtning sker via regionernas funktionsbrevlåda. Kontaktpersoner i varje
 * region har tillgång till funktionsbrevlådan". The region's samordnare records the address and
 * its contact persons (each once, by e-mail).
 */
export async function updateMailbox(db: Db, ctx: Ctx, region: string, input: MailboxInput) {
  return db.transaction(async (tx) => {
    const geo = await requestScope(ctx, tx).geography();
    if (!geo.regionHealthcareRegions.has(region)) throw notFound('Regionen');
    await authorizeInRegion(ctx, tx, 'consultations.settings', region);
    const contacts = input.contacts.map((c) => ({ name: c.name.trim(), email: c.email.trim().toLowerCase() }));
    const errors: { path: string; message: string }[] = [];
    contacts.forEach((c, i) => {
      if (!c.name) errors.push({ path: `/contacts/${i}/name`, message: 'Ange kontaktpersonens namn.' });
      if (contacts.findIndex((x) => x.email === c.email) !== i)
        errors.push({ path: `/contacts/${i}/email`, message: 'Kontaktpersonen finns redan i listan.' });
    });
    if (errors.length) throw unprocessable('Funktionsbrevlådan kunde inte sparas.', errors);
    const before = await mb.getMailbox(tx, region, { forUpdate: true });
    if ((before?.version ?? 0) !== input.version) throw staleVersion(before?.version ?? 0);
    const after = await mb.saveMailbox(tx, region, { address: input.address.trim().toLowerCase(), contacts }, input.version);
    if (!after) throw staleVersion((before?.version ?? 0) + 1);
    await recordAudit(tx, ctx, {
      entityType: 'consultation-mailbox',
      entityId: region,
      action: 'update',
      before: before ?? null,
      after,
    });
    return after;
  });
}
