import type { ScimClientRow } from './repository.js';
import type { ScimClientDto } from './schemas.js';

export const presentScimClient = (c: ScimClientRow): ScimClientDto => ({
  id: c.id,
  name: c.name,
  owner: c.owner,
  prefix: c.prefix,
  createdAt: c.createdAt.toISOString(),
  rotatedAt: c.rotatedAt ? c.rotatedAt.toISOString() : null,
  lastUsedAt: c.lastUsedAt ? c.lastUsedAt.toISOString() : null,
  version: c.version,
});
