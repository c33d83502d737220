import { randomToken, sha256 } from '../../platform/auth/secrets.js';

/** SCIM credentials look like nvscim_<random>: told apart from personal API keys (nvt_) at a glance and by secret scanners. */
export const SCIM_TOKEN_PREFIX = 'nvscim_';

export function newScimCredential() {
  const token = SCIM_TOKEN_PREFIX + randomToken(32);
  return { token, hash: sha256(token), prefix: token.slice(0, SCIM_TOKEN_PREFIX.length + 6) };
}
