import { resolve } from 'node:path';
import { ROLE_NAME } from './db/roles.js';

/** Days a personal API token is valid unless NAVET_API_TOKEN_DAYS says otherwise. */
export const DEFAULT_API_TOKEN_DAYS = 90;

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /**
   * PostgreSQL: the role the application runs as. `navet migrate`, run as the owner, grants it
   * exactly what the application needs (NAVET_DB_APP_ROLE).
   */
  dbAppRole: string | undefined;
  /**
   * PostgreSQL: let the web process and the worker run as a superuser or the tables' owner
   * (NAVET_DB_ALLOW_OWNER=1). Development and tests only: such a role can rewrite the audit trail.
   */
  dbAllowOwner: boolean;
  dataDir: string;
  demo: boolean;
  /** Insyn: the organisation structure is readable without signing in. */
  publicStructure: boolean;
  /** Insyn: the case register (date, number, sender, subject; secret marks masked) is readable without signing in. */
  publicCaseRegister: boolean;
  /**
   * Insyn: decisions (paragraphs) of justerade protokoll and the justerade protokoll themselves
   * are readable without signing in, secret cases' paragraphs masked (NAVET_PUBLIC_DECISIONS).
   */
  publicDecisions: boolean;
  /** Largest document upload to a case, in bytes. */
  uploadMaxBytes: number;
  /** Insyn: the public register of who sits where (name, role, group, employer only). */
  publicRegister: boolean;
  /** Years until an approved jäv declaration must be re-assessed (national practice: three). */
  javValidityYears: number;
  /** Days before a seat ends or a declaration lapses when reminders go out (tightest due wins). */
  reminderDays: number[];
  bootstrapAdmin: { email: string; password: string } | undefined;
  /** Cookies get Secure and the __Host- prefix when the public URL is https. */
  secureCookies: boolean;
  publicUrl: string;
  /** Absolute session length: a session ends this long after sign-in, whatever happens. */
  sessionTtlHours: number;
  /** Idle timeout: a session not used for this long ends (the UI warns two minutes before). */
  sessionIdleMinutes: number;
  /** Local e-mail + password sign-in; switch off when everyone signs in through the IdP. */
  passwordLogin: boolean;
  /** Password sign-in attempts per client address in five minutes. */
  loginIpLimit: number;
  /** Days a new personal API token is valid. */
  apiTokenDays: number;
  /** Sign-in through an OpenID Connect provider (SITHS via Inera IdP, or any OIDC IdP). */
  oidc: OidcConfig | undefined;
  bodyLimitBytes: number;
  /** Indicator imports with more valid rows than this run in the job worker, with progress. */
  followupImportSyncRows: number;
  /** Largest indicator file sent as the request body (POST /indicators/{id}/imports/upload), in bytes. */
  followupImportMaxBytes: number;
  /** Insyn: implementation status and indicator values (open data, non-personal) readable without signing in. */
  publicFollowup: boolean;
  /**
   * Kolada (RKA's open API, version 3): where Navet reads KPIs, how long one request may take, how
   * often it tries again. Off (undefined) until NAVET_KOLADA_URL is set: Navet calls no outside
   * service that nobody switched on.
   */
  kolada: { baseUrl: string; timeoutMs: number; retries: number } | undefined;
  /**
   * The national quality indicators (Kvalitetsindikatorkatalogen's API for the measures, and the
   * measurement results in Vården i siffror's file format from NAVET_QUALITY_INDICATORS_RESULTS_URL,
   * a URL with `{measureId}`). Off (undefined) until both URLs are set.
   */
  qualityIndicators: { baseUrl: string; resultsUrl: string; timeoutMs: number; retries: number } | undefined;
  /**
   * The national knowledge-support catalogue's scheduled sync (NAVET_CATALOGUE_URL): the job
   * worker fetches the file with a conditional GET (ETag / If-Modified-Since) every
   * NAVET_CATALOGUE_SYNC_HOURS (default 24) and imports it as the full catalogue. The format is
   * NAVET_CATALOGUE_FORMAT (csv, xlsx, json), else read from the URL's ending or Content-Type.
   * Off (undefined) until the URL is set.
   */
  catalogueSync:
    { url: string; format: 'csv' | 'xlsx' | 'json' | undefined; timeoutMs: number; intervalHours: number } | undefined;
  logLevel: string;
  /** Run the job worker inside the web process (default) or leave it to `navet worker`. */
  inProcessWorker: boolean;
  smtp: { host: string; port: number; secure: boolean; user?: string; password?: string; from: string } | undefined;
  /**
   * Shared rate limits, per signed-in user or client address: searches (lists with `q`),
   * downloads and exports, and open data (NAVET_RATE_LIMIT_SEARCH, _EXPORT, _OPEN_DATA as
   * "max/seconds", e.g. "120/60"; "0" switches one off).
   */
  rateLimits: Record<RateLimitSetting, { max: number; windowSeconds: number } | undefined>;
  /**
   * Origins (scheme://host[:port]) whose pages may read the public API from the browser
   * (NAVET_CORS_ORIGINS, comma-separated; `*` for any). Empty: no CORS headers. Credentials never.
   */
  corsOrigins: string[];
  /**
   * The memory each process may keep cached read answers in (NAVET_READ_CACHE_MB, default 64;
   * 0 switches the cache off). See src/platform/http/read-cache.ts.
   */
  readCacheMb: number;
}

export type RateLimitSetting = 'search' | 'export' | 'openData';

function rate(name: string, v: string | undefined, dflt: { max: number; windowSeconds: number }) {
  if (v === undefined || v.trim() === '') return dflt;
  if (v.trim() === '0') return undefined;
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(v);
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) {
    throw new Error(`${name} ska vara "antal/sekunder", t.ex. "120/60", eller "0" för ingen gräns; fick "${v}"`);
  }
  return { max: Number(m[1]), windowSeconds: Number(m[2]) };
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  redirectUri: string;
  /** Accepted assurance levels (acr); empty accepts any. */
  acrValues: string[];
  /** Claim holding the HSA-id (Inera IdP: http://sambi.se/attributes/1/employeeHsaId). */
  hsaIdClaim: string;
  scope: string;
  /** Shown on the sign-in button, e.g. "SITHS-kort". */
  displayName: string;
  /** Plain http to the provider: tests and local development only. */
  allowInsecure: boolean;
}

function bool(v: string | undefined, dflt: boolean): boolean {
  if (v === undefined || v === '') return dflt;
  return !['0', 'false', 'no', 'off'].includes(v.toLowerCase());
}

function int(name: string, v: string | undefined, dflt: number): number {
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} måste vara ett heltal, fick "${v}"`);
  return n;
}

function between(name: string, n: number, min: number, max: number): number {
  if (n < min || n > max) throw new Error(`${name} måste vara mellan ${min} och ${max}, fick ${n}`);
  return n;
}

function roleName(name: string, v: string | undefined): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (!ROLE_NAME.test(v)) throw new Error(`${name} ska vara ett rollnamn med små bokstäver, siffror och _, fick "${v}"`);
  return v;
}

function required(name: string, v: string | undefined): string {
  if (!v) throw new Error(`${name} måste anges när inloggning via identitetsleverantör är påslagen`);
  return v;
}

function days(name: string, v: string | undefined, dflt: number[]): number[] {
  if (v === undefined || v.trim() === '') return dflt;
  const list = v.split(',').map((x) => Number(x.trim()));
  if (list.some((n) => !Number.isInteger(n) || n <= 0 || n > 3650)) {
    throw new Error(`${name} ska vara en kommaseparerad lista med antal dagar, t.ex. "90,30"; fick "${v}"`);
  }
  return [...new Set(list)].sort((a, b) => b - a);
}

function catalogueUrl(v: string): string {
  if (!/^https?:\/\/\S+$/.test(v)) throw new Error(`NAVET_CATALOGUE_URL ska vara en http(s)-adress, fick "${v}"`);
  return v;
}

function catalogueFormat(v: string | undefined): 'csv' | 'xlsx' | 'json' | undefined {
  if (v === undefined || v === '') return undefined;
  if (v === 'csv' || v === 'xlsx' || v === 'json') return v;
  throw new Error(`NAVET_CATALOGUE_FORMAT ska vara csv, xlsx eller json, fick "${v}"`);
}

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?$/i;

function origins(name: string, v: string | undefined): string[] {
  if (v === undefined || v.trim() === '') return [];
  const list = v
    .split(',')
    .map((x) => x.trim().replace(/\/$/, ''))
    .filter(Boolean);
  for (const o of list) {
    if (o !== '*' && !ORIGIN.test(o)) {
      throw new Error(`${name} ska vara en kommaseparerad lista med ursprung, t.ex. "https://intranat.region.se"; fick "${o}"`);
    }
  }
  return [...new Set(list.map((o) => (o === '*' ? o : o.toLowerCase())))];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = int('PORT', env.PORT, 3000);
  const host = env.HOST || '127.0.0.1';
  const publicUrl = env.NAVET_PUBLIC_URL || `http://localhost:${port}`;
  const email = env.NAVET_BOOTSTRAP_ADMIN_EMAIL;
  const password = env.NAVET_BOOTSTRAP_ADMIN_PASSWORD;
  return {
    port,
    host,
    databaseUrl: env.DATABASE_URL || undefined,
    dbAppRole: roleName('NAVET_DB_APP_ROLE', env.NAVET_DB_APP_ROLE),
    dbAllowOwner: bool(env.NAVET_DB_ALLOW_OWNER, false),
    dataDir: resolve(env.NAVET_DATA_DIR || './data'),
    demo: bool(env.NAVET_DEMO, true),
    publicStructure: bool(env.NAVET_PUBLIC_STRUCTURE, true),
    publicCaseRegister: bool(env.NAVET_PUBLIC_CASE_REGISTER, bool(env.NAVET_PUBLIC_STRUCTURE, true)),
    publicDecisions: bool(env.NAVET_PUBLIC_DECISIONS, bool(env.NAVET_PUBLIC_STRUCTURE, true)),
    uploadMaxBytes: int('NAVET_UPLOAD_MAX_BYTES', env.NAVET_UPLOAD_MAX_BYTES, 20 * 1024 * 1024),
    publicRegister: bool(env.NAVET_PUBLIC_REGISTER, true),
    javValidityYears: int('NAVET_JAV_VALIDITY_YEARS', env.NAVET_JAV_VALIDITY_YEARS, 3),
    reminderDays: days('NAVET_REMINDER_DAYS', env.NAVET_REMINDER_DAYS, [90, 30]),
    bootstrapAdmin: email && password ? { email, password } : undefined,
    secureCookies: publicUrl.startsWith('https://'),
    publicUrl,
    sessionTtlHours: int('NAVET_SESSION_TTL_HOURS', env.NAVET_SESSION_TTL_HOURS, 8),
    sessionIdleMinutes: int('NAVET_SESSION_IDLE_MINUTES', env.NAVET_SESSION_IDLE_MINUTES, 30),
    passwordLogin: bool(env.NAVET_PASSWORD_LOGIN, true),
    loginIpLimit: int('NAVET_LOGIN_IP_LIMIT', env.NAVET_LOGIN_IP_LIMIT, 30),
    apiTokenDays: between(
      'NAVET_API_TOKEN_DAYS',
      int('NAVET_API_TOKEN_DAYS', env.NAVET_API_TOKEN_DAYS, DEFAULT_API_TOKEN_DAYS),
      1,
      730,
    ),
    oidc: env.NAVET_OIDC_ISSUER
      ? {
          issuer: env.NAVET_OIDC_ISSUER,
          clientId: required('NAVET_OIDC_CLIENT_ID', env.NAVET_OIDC_CLIENT_ID),
          clientSecret: env.NAVET_OIDC_CLIENT_SECRET || undefined,
          redirectUri: env.NAVET_OIDC_REDIRECT_URI || `${publicUrl.replace(/\/$/, '')}/api/v1/auth/oidc/callback`,
          acrValues: (env.NAVET_OIDC_ACR ?? '')
            .split(',')
            .map((v) => v.trim())
            .filter(Boolean),
          hsaIdClaim: env.NAVET_OIDC_HSA_CLAIM || 'http://sambi.se/attributes/1/employeeHsaId',
          scope: env.NAVET_OIDC_SCOPE || 'openid profile email',
          displayName: env.NAVET_OIDC_NAME || 'SITHS',
          allowInsecure: bool(env.NAVET_OIDC_ALLOW_INSECURE, false),
        }
      : undefined,
    bodyLimitBytes: int('NAVET_BODY_LIMIT_BYTES', env.NAVET_BODY_LIMIT_BYTES, 1024 * 1024),
    followupImportSyncRows: int('NAVET_FOLLOWUP_IMPORT_SYNC_ROWS', env.NAVET_FOLLOWUP_IMPORT_SYNC_ROWS, 2000),
    followupImportMaxBytes: int('NAVET_FOLLOWUP_IMPORT_MAX_BYTES', env.NAVET_FOLLOWUP_IMPORT_MAX_BYTES, 256 * 1024 * 1024),
    publicFollowup: bool(env.NAVET_PUBLIC_FOLLOWUP, true),
    kolada: env.NAVET_KOLADA_URL
      ? {
          baseUrl: env.NAVET_KOLADA_URL.replace(/\/+$/, ''),
          timeoutMs: int('NAVET_KOLADA_TIMEOUT_MS', env.NAVET_KOLADA_TIMEOUT_MS, 20_000),
          retries: int('NAVET_KOLADA_RETRIES', env.NAVET_KOLADA_RETRIES, 2),
        }
      : undefined,
    qualityIndicators:
      env.NAVET_QUALITY_INDICATORS_URL && env.NAVET_QUALITY_INDICATORS_RESULTS_URL
        ? {
            baseUrl: env.NAVET_QUALITY_INDICATORS_URL.replace(/\/+$/, ''),
            resultsUrl: env.NAVET_QUALITY_INDICATORS_RESULTS_URL,
            timeoutMs: int('NAVET_QUALITY_INDICATORS_TIMEOUT_MS', env.NAVET_QUALITY_INDICATORS_TIMEOUT_MS, 20_000),
            retries: int('NAVET_QUALITY_INDICATORS_RETRIES', env.NAVET_QUALITY_INDICATORS_RETRIES, 2),
          }
        : undefined,
    catalogueSync: env.NAVET_CATALOGUE_URL
      ? {
          url: catalogueUrl(env.NAVET_CATALOGUE_URL),
          format: catalogueFormat(env.NAVET_CATALOGUE_FORMAT),
          timeoutMs: int('NAVET_CATALOGUE_TIMEOUT_MS', env.NAVET_CATALOGUE_TIMEOUT_MS, 30_000),
          intervalHours: between(
            'NAVET_CATALOGUE_SYNC_HOURS',
            int('NAVET_CATALOGUE_SYNC_HOURS', env.NAVET_CATALOGUE_SYNC_HOURS, 24),
            1,
            24 * 30,
          ),
        }
      : undefined,
    logLevel: env.LOG_LEVEL || 'info',
    inProcessWorker: bool(env.NAVET_IN_PROCESS_WORKER, true),
    rateLimits: {
      search: rate('NAVET_RATE_LIMIT_SEARCH', env.NAVET_RATE_LIMIT_SEARCH, { max: 120, windowSeconds: 60 }),
      export: rate('NAVET_RATE_LIMIT_EXPORT', env.NAVET_RATE_LIMIT_EXPORT, { max: 30, windowSeconds: 300 }),
      openData: rate('NAVET_RATE_LIMIT_OPEN_DATA', env.NAVET_RATE_LIMIT_OPEN_DATA, { max: 60, windowSeconds: 60 }),
    },
    corsOrigins: origins('NAVET_CORS_ORIGINS', env.NAVET_CORS_ORIGINS),
    readCacheMb: between('NAVET_READ_CACHE_MB', int('NAVET_READ_CACHE_MB', env.NAVET_READ_CACHE_MB, 64), 0, 16_384),
    smtp: env.SMTP_HOST
      ? {
          host: env.SMTP_HOST,
          port: int('SMTP_PORT', env.SMTP_PORT, 587),
          secure: bool(env.SMTP_SECURE, false),
          ...(env.SMTP_USER ? { user: env.SMTP_USER } : {}),
          ...(env.SMTP_PASSWORD ? { password: env.SMTP_PASSWORD } : {}),
          from: env.SMTP_FROM || 'Navet <navet@localhost>',
        }
      : undefined,
  };
}
