import type { InjectOptions } from 'fastify';
import type { RoleAssignment } from '../../src/platform/context.js';
import { openPostgres } from '../../src/platform/db/postgres.js';
import type { App } from '../../src/platform/http/app.js';
import { createApp } from '../../src/server.js';
import { buildUser, DEFAULT_TEST_PASSWORD } from '../../src/testing/builders.js';
import { testConfig, type Session } from '../helpers/app.js';
import { startFakeKolada } from '../helpers/fake-kolada.js';
import { startFakeQualityIndicators } from '../helpers/fake-quality-indicators.js';
import { createTestDatabaseUrl, testDb, usingPostgres } from '../helpers/db.js';
import { sandboxDb, type SandboxDb } from './sandbox.js';

/** The app on a sandbox database (one connection, so that the sandbox's outer transaction holds every query). */
export async function openSandboxApp(): Promise<{ db: SandboxDb; app: App }> {
  const inner = usingPostgres ? await openPostgres(await createTestDatabaseUrl(), { max: 1 }) : await testDb();
  const db = sandboxDb(inner);
  // The Kolada and quality-indicator connectors are on, against recorded answers: their permitted callers must succeed.
  const qualityIndicators = (await startFakeQualityIndicators()).settings;
  const app = await createApp(db, testConfig({ kolada: await startFakeKolada(), qualityIndicators }), false);
  await app.ready();
  return { db, app };
}

/** Requests, sign-in and the audit count against the app and database the getters name once opened. */
export function sandboxClient(theApp: () => App, theDb: () => SandboxDb) {
  const request = ({ as, headers, ...o }: InjectOptions & { as?: Session }) =>
    theApp().inject({
      ...o,
      headers: { ...(as ? { cookie: as.cookie, 'x-csrf-token': as.csrfToken } : {}), ...(headers ?? {}) },
    } as InjectOptions);

  async function login(email: string): Promise<Session> {
    const res = await theApp().inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: DEFAULT_TEST_PASSWORD },
    });
    if (res.statusCode !== 200) throw new Error(`login failed ${res.statusCode}: ${res.body}`);
    const raw = ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0]!;
    const body = res.json<{ csrfToken: string; user: { id: string } }>();
    return { cookie: raw.split(';')[0]!, csrfToken: body.csrfToken, userId: body.user.id };
  }

  const newUser = async (roles: RoleAssignment[] = []) => login((await buildUser(theDb(), { roles })).email);
  const auditCount = async () => (await theDb().query<{ n: number }>('SELECT count(*) AS n FROM audit_events'))[0]!.n;
  return { request, login, newUser, auditCount };
}
