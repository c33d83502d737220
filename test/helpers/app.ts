import { afterAll, beforeAll } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/platform/config.js';
import type { RoleAssignment } from '../../src/platform/context.js';
import type { Db } from '../../src/platform/db/index.js';
import type { App } from '../../src/platform/http/app.js';
import { createApp } from '../../src/server.js';
import { buildAdmin, buildUser, DEFAULT_TEST_PASSWORD } from '../../src/testing/builders.js';
import { dropTestDatabases, testDb } from './db.js';

export interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
}

export interface TestApp {
  app: App;
  db: Db;
  config: Config;
  request(opts: InjectOptions & { as?: Session; csrf?: boolean }): Promise<LightMyRequestResponse>;
  login(email: string, password?: string): Promise<Session>;
  newAdmin(): Promise<Session>;
  newUser(roles?: RoleAssignment[]): Promise<Session>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), demo: false, logLevel: 'silent', ...overrides };
}

/** One app on a fresh database for the whole test file, closed afterwards. */
export function useTestApp(overrides: Partial<Config> = {}): TestApp {
  const t = {} as TestApp;
  beforeAll(async () => {
    t.db = await testDb();
    t.config = testConfig(overrides);
    t.app = await createApp(t.db, t.config, false);
    await t.app.ready();
    t.request = ({ as, csrf = true, headers, ...opts }) =>
      t.app.inject({
        ...opts,
        headers: {
          ...(as ? { cookie: as.cookie } : {}),
          ...(as && csrf ? { 'x-csrf-token': as.csrfToken } : {}),
          ...(headers ?? {}),
        },
      } as InjectOptions);
    t.login = async (email, password = DEFAULT_TEST_PASSWORD) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
      if (res.statusCode !== 200) throw new Error(`login failed ${res.statusCode}: ${res.body}`);
      const body = res.json<{ csrfToken: string; user: { id: string } }>();
      const setCookie = res.headers['set-cookie'];
      const raw = Array.isArray(setCookie) ? setCookie[0]! : setCookie!;
      return { cookie: raw.split(';')[0]!, csrfToken: body.csrfToken, userId: body.user.id };
    };
    t.newAdmin = async () => t.login((await buildAdmin(t.db)).email);
    t.newUser = async (roles = []) => t.login((await buildUser(t.db, { roles })).email);
  });
  afterAll(async () => {
    await t.app?.close();
    await t.db?.close();
    await dropTestDatabases();
  });
  return t;
}

export function problem(res: LightMyRequestResponse) {
  return {
    status: res.statusCode,
    type: res.headers['content-type'],
    body: res.json<{ title: string; detail: string; errors?: { path: string; message: string }[] }>(),
  };
}
