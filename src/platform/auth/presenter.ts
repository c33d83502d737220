import type { UserDto } from './schemas.js';
import type { TokenRow, UserWithRoles } from './repository.js';

export function presentUser(u: UserWithRoles): UserDto {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    locale: u.locale,
    disabled: u.disabled,
    isDemo: u.is_demo,
    roles: u.roles,
    version: u.version,
    createdAt: u.created_at.toISOString(),
  };
}

export function presentToken(t: TokenRow) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.created_at.toISOString(),
    lastUsedAt: t.last_used_at ? t.last_used_at.toISOString() : null,
    expiresAt: t.expires_at.toISOString(),
  };
}
