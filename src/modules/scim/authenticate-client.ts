import type { FastifyRequest } from 'fastify';
import { sha256 } from '../../platform/auth/secrets.js';
import type { Db } from '../../platform/db/index.js';
import { SCIM_TOKEN_PREFIX } from './credentials.js';
import { scimUnauthorized } from './errors.js';
import { scimActor, type ScimClientIdentity } from './policy.js';
import { findClientByTokenHash } from './repository.js';

const clients = new WeakMap<FastifyRequest, ScimClientIdentity>();

/**
 * Every SCIM request names its client by a bearer SCIM credential. A person's session or API key
 * does not reach SCIM, and a SCIM credential reaches nothing but SCIM (the /api routes know only
 * nvt_ keys). The client becomes the request's actor, so the audit trail names it.
 */
export async function authenticateScimClient(db: Db, req: FastifyRequest): Promise<void> {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!m?.[1] || !m[1].startsWith(SCIM_TOKEN_PREFIX) || m[1].length > 200) throw scimUnauthorized();
  const client = await findClientByTokenHash(db, sha256(m[1]));
  if (!client) throw scimUnauthorized();
  clients.set(req, client);
  req.ctx.actor = scimActor(client);
}

/** The client of an authenticated SCIM request. */
export function scimClientOf(req: FastifyRequest): ScimClientIdentity {
  const client = clients.get(req);
  if (!client) throw scimUnauthorized();
  return client;
}
