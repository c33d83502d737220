import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  /** Insyn: the organisation structure is readable without signing in. */
  publicStructure: boolean;
  /** Years until an approved jäv declaration must be re-assessed (national practice: three). */
  javValidityYears: number;
  /** Days before a seat ends or a declaration lapses when reminders go out (tightest due wins). */
  reminderDays: number[];
  bootstrapAdmin: { email: string; password: string } | undefined;
  /** Cookies get Secure and the __Host- prefix when the public URL is https. */
  secureCookies: boolean;
  publicUrl: string;
  sessionTtlHours: number;
  bodyLimitBytes: number;
  logLevel: string;
  /** Run the job worker inside the web process (default) or leave it to `navet worker`. */
  inProcessWorker: boolean;
  smtp: { host: string; port: number; secure: boolean; user?: string; password?: string; from: string } | undefined;
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

function days(name: string, v: string | undefined, dflt: number[]): number[] {
  if (v === undefined || v.trim() === '') return dflt;
  const list = v.split(',').map((x) => Number(x.trim()));
  if (list.some((n) => !Number.isInteger(n) || n <= 0 || n > 3650)) {
    throw new Error(`${name} ska vara en kommaseparerad lista med antal dagar, t.ex. "90,30"; fick "${v}"`);
  }
  return [...new Set(list)].sort((a, b) => b - a);
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
    dataDir: resolve(env.NAVET_DATA_DIR || './data'),
    demo: bool(env.NAVET_DEMO, true),
    publicStructure: bool(env.NAVET_PUBLIC_STRUCTURE, true),
    javValidityYears: int('NAVET_JAV_VALIDITY_YEARS', env.NAVET_JAV_VALIDITY_YEARS, 3),
    reminderDays: days('NAVET_REMINDER_DAYS', env.NAVET_REMINDER_DAYS, [90, 30]),
    bootstrapAdmin: email && password ? { email, password } : undefined,
    secureCookies: publicUrl.startsWith('https://'),
    publicUrl,
    sessionTtlHours: int('NAVET_SESSION_TTL_HOURS', env.NAVET_SESSION_TTL_HOURS, 8),
    bodyLimitBytes: int('NAVET_BODY_LIMIT_BYTES', env.NAVET_BODY_LIMIT_BYTES, 1024 * 1024),
    logLevel: env.LOG_LEVEL || 'info',
    inProcessWorker: bool(env.NAVET_IN_PROCESS_WORKER, true),
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
