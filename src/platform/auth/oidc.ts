import './audit.js';
import * as client from 'openid-client';
import { recordAudit } from '../audit/record.js';
import type { OidcConfig } from '../config.js';
import type { Ctx } from '../context.js';
import type { Db } from '../db/index.js';
import { actorOf } from './login.js';
import * as repo from './repository.js';
import { randomToken, sha256 } from './secrets.js';

/**
 * Sign-in through an OpenID Connect provider (SITHS through Inera IdP, or any OIDC IdP):
 * authorisation code with PKCE, state and nonce kept in the database (any app process may
 * receive the callback, and each state is consumed once), the assurance level (acr) checked,
 * and the user keyed on issuer + HSA-id. openid-client verifies the ID token's issuer,
 * audience, expiry and nonce, and (non-repudiation checks on) its signature against the JWKS.
 */

const REQUEST_TTL_MINUTES = 10;

/** Why a sign-in failed, as a code the sign-in page turns into Swedish. Details go to the log. */
export type OidcFailure =
  'provider-error' | 'unknown-request' | 'token-rejected' | 'assurance' | 'missing-hsa-id' | 'email-taken' | 'disabled';

export class OidcSignInError extends Error {
  constructor(
    readonly code: OidcFailure,
    detail: string,
  ) {
    super(detail);
    this.name = 'OidcSignInError';
  }
}

const configurations = new Map<string, Promise<client.Configuration>>();

/** Discovery is cached per process (it is derived from the provider, not state); a failure is retried next time. */
function configurationOf(cfg: OidcConfig): Promise<client.Configuration> {
  const key = `${cfg.issuer}|${cfg.clientId}`;
  let p = configurations.get(key);
  if (!p) {
    p = client.discovery(
      new URL(cfg.issuer),
      cfg.clientId,
      undefined,
      cfg.clientSecret ? client.ClientSecretBasic(cfg.clientSecret) : client.None(),
      {
        // The spec lets a client skip the ID token's signature when it came straight from the
        // token endpoint over TLS; we check it anyway (defence in depth, and plain-http tests).
        execute: [client.enableNonRepudiationChecks, ...(cfg.allowInsecure ? [client.allowInsecureRequests] : [])],
      },
    );
    p.catch(() => configurations.delete(key));
    configurations.set(key, p);
  }
  return p;
}

/** Only a path on this site: never another host (no open redirect). */
export function safeReturnTo(value: string | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || /[\r\n]/.test(value)) return '/';
  return value.slice(0, 500);
}

export async function startOidcSignIn(db: Db, cfg: OidcConfig, returnTo: string | undefined): Promise<URL> {
  const configuration = await configurationOf(cfg);
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  await repo.insertOidcRequest(db, {
    stateHash: sha256(state),
    nonce,
    codeVerifier,
    returnTo: safeReturnTo(returnTo),
    ttlMinutes: REQUEST_TTL_MINUTES,
  });
  return client.buildAuthorizationUrl(configuration, {
    redirect_uri: cfg.redirectUri,
    scope: cfg.scope,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    ...(cfg.acrValues.length ? { acr_values: cfg.acrValues.join(' ') } : {}),
  });
}

export interface OidcSignIn {
  user: repo.UserWithRoles;
  sessionId: string;
  csrfToken: string;
  returnTo: string;
}

function claimString(claims: Record<string, unknown>, name: string): string | undefined {
  const v = claims[name];
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/**
 * The provider's redirect back. `query` is the raw query string the provider sent; the
 * callback URL is rebuilt from configuration, never from the Host header.
 */
export async function completeOidcSignIn(
  db: Db,
  ctx: Ctx,
  cfg: OidcConfig,
  query: string,
  ttlHours: number,
): Promise<OidcSignIn> {
  const currentUrl = new URL(`${cfg.redirectUri}?${query}`);
  const providerError = currentUrl.searchParams.get('error');
  const state = currentUrl.searchParams.get('state');
  const request = state ? await repo.takeOidcRequest(db, sha256(state)) : undefined;
  if (providerError) throw new OidcSignInError('provider-error', `the provider answered ${providerError.slice(0, 100)}`);
  if (!state || !request) throw new OidcSignInError('unknown-request', 'unknown, expired or already used state');

  const configuration = await configurationOf(cfg);
  let claims: Record<string, unknown>;
  let idToken: string | undefined;
  try {
    const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: request.code_verifier,
      expectedState: state,
      expectedNonce: request.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims() ?? {};
    idToken = tokens.id_token;
  } catch (err) {
    throw new OidcSignInError('token-rejected', err instanceof Error ? err.message : String(err));
  }

  const acr = claimString(claims, 'acr');
  if (cfg.acrValues.length && (!acr || !cfg.acrValues.includes(acr))) {
    throw new OidcSignInError('assurance', `acr ${acr ?? '(none)'} is not one of ${cfg.acrValues.join(', ')}`);
  }
  const hsaId = claimString(claims, cfg.hsaIdClaim);
  if (!hsaId || !/^SE[0-9A-Za-z-]{4,60}$/.test(hsaId)) {
    throw new OidcSignInError('missing-hsa-id', `claim ${cfg.hsaIdClaim} is missing or not an HSA-id`);
  }
  const issuer = configuration.serverMetadata().issuer;
  const subject = claimString(claims, 'sub') ?? hsaId;

  const sessionId = randomToken();
  const csrfToken = randomToken();
  const user = await db.transaction(async (tx) => {
    let userId = await repo.findUserIdByIdentity(tx, issuer, hsaId);
    let created = false;
    if (!userId) {
      userId = await repo.findUserIdByHsaId(tx, hsaId);
      if (!userId) {
        // First sign-in: name and e-mail from the person register when an administrator has
        // recorded this HSA-id there, else from the provider's claims.
        const person = await repo.findPersonByHsaId(tx, hsaId);
        const email = (person?.email ?? claimString(claims, 'email') ?? `${hsaId.toLowerCase()}@hsa.invalid`).toLowerCase();
        if (await repo.findUserByEmail(tx, email)) {
          throw new OidcSignInError('email-taken', 'another account holds this e-mail address without this HSA-id');
        }
        const name =
          person?.name ??
          claimString(claims, 'name') ??
          [claimString(claims, 'given_name'), claimString(claims, 'family_name')].filter(Boolean).join(' ') ??
          hsaId;
        userId = (await repo.insertUser(tx, { email, name: name || hsaId, passwordHash: null })).id;
        created = true;
      }
      await repo.linkIdentity(tx, { issuer, hsaId, subject, userId });
    }
    const u = (await repo.findUserById(tx, userId))!;
    if (u.disabled) throw new OidcSignInError('disabled', 'the account is disabled');
    const actorCtx = { ...ctx, actor: actorOf(u, 'session') };
    if (created) {
      await recordAudit(tx, actorCtx, {
        entityType: 'user',
        entityId: u.id,
        action: 'create',
        after: { email: u.email, name: u.name, hsaId, issuer, via: 'oidc' },
      });
    }
    await repo.insertSession(tx, {
      idHash: sha256(sessionId),
      userId: u.id,
      csrfToken,
      ttlHours,
      method: 'oidc',
      ...(idToken ? { idTokenHint: idToken } : {}),
    });
    await recordAudit(tx, actorCtx, {
      entityType: 'session',
      entityId: u.id,
      action: 'login',
      after: { via: 'oidc', issuer, acr },
    });
    return u;
  });
  return { user, sessionId, csrfToken, returnTo: request.return_to };
}

/** Where to send the browser to end the provider's session too (RP-initiated logout), if it offers that. */
export async function providerLogoutUrl(
  cfg: OidcConfig,
  idTokenHint: string | null,
  postLogoutRedirect: string,
): Promise<URL | undefined> {
  const configuration = await configurationOf(cfg);
  if (!configuration.serverMetadata().end_session_endpoint) return undefined;
  return client.buildEndSessionUrl(configuration, {
    post_logout_redirect_uri: postLogoutRedirect,
    ...(idTokenHint ? { id_token_hint: idTokenHint } : { client_id: cfg.clientId }),
  });
}
