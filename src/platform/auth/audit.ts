/**
 * The audit payloads of the platform's own kinds: users, API tokens and sessions. A user is
 * audited as the API shows it (never the password hash); a token by name and prefix only.
 */
import type { AccessEndReason } from './api-tokens.js';
import type { UserDto } from './schemas.js';

/** A user created by single sign-on: who the identity provider said they are. */
export interface OidcUserAudit {
  email: string;
  name: string;
  hsaId: string | null;
  issuer: string;
  via: 'oidc';
}

export interface TokenAudit {
  name: string;
  prefix: string;
}

declare module '../audit/record.js' {
  interface AuditPayloads {
    'user.create': { after: UserDto | OidcUserAudit };
    'user.update': { before: UserDto; after: UserDto };
    'user.set-password': { before: UserDto; after: UserDto };
    'user.disable': { before: UserDto; after: UserDto };
    'user.enable': { before: UserDto; after: UserDto };
    'user.login-locked': { after: { lockedUntil: Date | null; failedLogins: number; clientIp: string | null } };
    'api-token.create': { after: TokenAudit & { expiresAt: Date | null } };
    'api-token.revoke': { before: TokenAudit & { userId?: string }; after?: { reason: AccessEndReason } };
    'session.login': { after?: { via: 'oidc'; issuer: string; acr: string | null | undefined } };
    'session.logout': { before?: never; after?: never };
  }
}

export {};
