import { patchBodyValidation, scimPatch, ScimError, type ScimPatch } from 'scim-patch';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { ScimProblem, scimInvalid } from './errors.js';
import { lockScimUser } from './lock-scim-user.js';
import type { ScimClientIdentity } from './policy.js';
import { desiredFromScim, PATCH_SCHEMA, toScimUser } from './rules/user-mapping.js';
import { writeScimUser } from './write-scim-user.js';

/**
 * PATCH /Users/{id} (RFC 7644 §3.5.2): the operations are applied by scim-patch to the user as
 * SCIM shows it (so paths such as `emails[type eq "work"].value`, `name.givenName` and a
 * path-less replace with a value object work as the RFC says), and the result is then read
 * and written like a PUT. Operation names are case-insensitive (Entra ID sends "Replace").
 */
export async function patchScimUser(
  db: Db,
  ctx: Ctx,
  client: ScimClientIdentity,
  id: string,
  body: unknown,
  ifMatch: string | undefined,
) {
  const patch = patchOf(body);
  return db.transaction(async (tx) => {
    const { current, owners } = await lockScimUser(tx, ctx, client, id, ifMatch);
    const resource = { ...toScimUser(current, ''), meta: { created: current.createdAt, lastModified: current.updatedAt } };
    let patched: unknown;
    try {
      patched = scimPatch(resource, patch.Operations, { mutateDocument: false, treatMissingAsAdd: true });
    } catch (err) {
      throw asProblem(err);
    }
    return writeScimUser(tx, ctx, client, owners, current, desiredFromScim(patched));
  });
}

export function patchOf(body: unknown): ScimPatch {
  const raw = body as { schemas?: unknown; Operations?: unknown } | null;
  const operations = Array.isArray(raw?.Operations)
    ? raw.Operations.map((op: unknown) => {
        const name: unknown = op && typeof op === 'object' ? (op as { op?: unknown }).op : undefined;
        return typeof name === 'string' ? { ...(op as object), op: name.toLowerCase() } : op;
      })
    : raw?.Operations;
  const patch = { schemas: raw?.schemas, Operations: operations } as ScimPatch;
  try {
    patchBodyValidation(patch);
  } catch (err) {
    throw asProblem(err);
  }
  if (!patch.schemas.includes(PATCH_SCHEMA)) throw scimInvalid(`schemas ska vara [${PATCH_SCHEMA}].`, 'invalidSyntax');
  return patch;
}

export function asProblem(err: unknown): ScimProblem {
  if (err instanceof ScimProblem) return err;
  if (err instanceof ScimError) {
    const type = err.scimCode === 'noTarget' ? 'noTarget' : err.scimCode === 'invalidPath' ? 'invalidPath' : 'invalidValue';
    return scimInvalid(`PATCH-operationen kan inte utföras: ${err.message}`, type);
  }
  throw err;
}
