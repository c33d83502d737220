import { generateKeyPairSync, sign as cryptoSign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * Identity providers for the sign-in tests: a real OpenID Connect provider (oidc-provider)
 * that signs users in without a login form, and a scripted one whose token endpoint answers
 * with whatever ID token a test has forged.
 */

export const HSA_CLAIM = 'http://sambi.se/attributes/1/employeeHsaId';
export const LOA3 = 'http://id.sambi.se/loa/loa3';
export const LOA2 = 'http://id.sambi.se/loa/loa2';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

export interface Account {
  sub: string;
  name: string;
  email?: string;
  hsaId?: string;
  acr: string;
}

export interface RealIdp {
  issuer: string;
  /** Who signs in at the next authorisation request. */
  account: Account;
  close(): Promise<void>;
}

export async function startRealIdp(clients: { clientId: string; clientSecret: string; redirectUri: string }[]): Promise<RealIdp> {
  const server = createServer();
  const port = await listen(server);
  const issuer = `http://127.0.0.1:${port}`;
  const idp: RealIdp = {
    issuer,
    account: { sub: 'anv-1', name: 'Siri Sithsdóttir', email: 'siri@region.example', hsaId: 'SE2321000065-1001', acr: LOA3 },
    close: () => new Promise((r) => server.close(() => r())),
  };
  const provider = new Provider(issuer, {
    clients: clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: [c.redirectUri],
      post_logout_redirect_uris: ['http://localhost:3000/'],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    })),
    acrValues: [LOA3, LOA2],
    claims: { openid: ['sub'], profile: ['name', HSA_CLAIM], email: ['email'] },
    conformIdTokenClaims: false,
    cookies: { keys: ['navet-test-cookie-key'] },
    ttl: { Grant: 3600, Session: 3600, AccessToken: 600, IdToken: 600, Interaction: 600, AuthorizationCode: 60 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({
        sub: id,
        name: idp.account.name,
        ...(idp.account.email ? { email: idp.account.email } : {}),
        ...(idp.account.hsaId ? { [HSA_CLAIM]: idp.account.hsaId } : {}),
      }),
    }),
  });
  const callback = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith('/interaction/')) {
      void callback(req, res);
      return;
    }
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      const grant = new provider.Grant({ accountId: idp.account.sub, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: idp.account.sub, acr: idp.account.acr }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    })();
  });
  return idp;
}

/** Follows the provider's redirects as a browser would, until it sends the browser back to `redirectUri`. */
export async function browseToCallback(authorizationUrl: string, redirectUri: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  for (let i = 0; i < 10; i++) {
    if (url.startsWith(redirectUri)) return url;
    const res = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider stopped at ${url} with ${res.status}: ${await res.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects at the provider');
}

export interface ScriptedIdp {
  issuer: string;
  /** The key the provider publishes; sign with another to forge. */
  key: KeyObject;
  /** The ID token the token endpoint hands out next. */
  nextIdToken: string;
  signIdToken(claims: Record<string, unknown>, key?: KeyObject): string;
  close(): Promise<void>;
}

export async function startScriptedIdp(): Promise<ScriptedIdp> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const server = createServer();
  const port = await listen(server);
  const issuer = `http://127.0.0.1:${port}`;
  const idp: ScriptedIdp = {
    issuer,
    key: privateKey,
    nextIdToken: '',
    signIdToken(claims, key = privateKey) {
      const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const input = `${part({ alg: 'RS256', typ: 'JWT', kid: 'k1' })}.${part(claims)}`;
      return `${input}.${cryptoSign('sha256', Buffer.from(input), key).toString('base64url')}`;
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const json = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/.well-known/openid-configuration') {
      return json({
        issuer,
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (req.url === '/jwks')
      return json({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' }] });
    if (req.url === '/token') {
      req.resume();
      req.on('end', () => json({ access_token: 'at', token_type: 'Bearer', expires_in: 60, id_token: idp.nextIdToken }));
      return;
    }
    res.writeHead(404).end();
  });
  return idp;
}
