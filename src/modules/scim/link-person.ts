import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { presentPerson, repository as people } from '../people/index.js';
import { scimConflict } from './errors.js';
import { covers, type ScimClientIdentity } from './policy.js';
import type { DesiredUser } from './rules/user-mapping.js';

/**
 * The person a provisioned user is: the one already linked, else the person in a covered
 * register with the same HSA-id or e-mail, else a new person in the client's register. Name,
 * e-mail and HSA-id follow the directory; each change is audited as the people module's own.
 * A person with that HSA-id or e-mail in a register the client does not cover is a conflict:
 * the directory cannot take over someone else's register entry.
 */
export async function linkPerson(
  tx: Queryable,
  ctx: Ctx,
  client: ScimClientIdentity,
  owners: string[] | undefined,
  desired: DesiredUser,
  linkedId: string | null,
): Promise<string> {
  const byHsa = desired.hsaId
    ? (await tx.query<{ id: string }>('SELECT id FROM persons WHERE hsa_id = $1', [desired.hsaId]))[0]?.id
    : undefined;
  const byEmail = (await people.findPersonByEmail(tx, desired.email))?.id;
  const id = linkedId ?? byHsa ?? byEmail;
  if (!id) {
    const row = await people.insertPerson(tx, {
      name: desired.displayName,
      email: desired.email,
      employer: null,
      employerType: null,
      profession: null,
      hsaId: desired.hsaId,
      homeOwner: client.owner,
    });
    await recordAudit(tx, ctx, { entityType: 'person', entityId: row.id, action: 'create', after: presentPerson(row) });
    return row.id;
  }
  if ((byHsa && byHsa !== id) || (byEmail && byEmail !== id)) {
    throw scimConflict('HSA-id:t eller e-postadressen hör redan till en annan person i Navet.');
  }
  const before = (await people.getPerson(tx, id, { forUpdate: true }))!;
  if (!linkedId && !covers(owners, before.homeOwner)) {
    throw scimConflict(
      'Personen finns redan i ett register som SCIM-klienten inte hanterar. Be en administratör i Navet om hjälp.',
    );
  }
  const unchanged =
    before.name === desired.displayName && before.email === desired.email && (before.hsaId ?? null) === desired.hsaId;
  if (unchanged || before.anonymisedAt) return id;
  const after = await people.updatePersonRecord(tx, id, before.version, {
    name: desired.displayName,
    email: desired.email,
    employer: before.employer,
    employerType: before.employerType,
    profession: before.profession,
    hsaId: desired.hsaId,
  });
  await recordAudit(tx, ctx, {
    entityType: 'person',
    entityId: id,
    action: 'update',
    before: presentPerson(before),
    after: presentPerson(after!),
  });
  return id;
}
