import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { RoleAssignment } from '../../src/platform/context.js';
import type { Db } from '../../src/platform/db/index.js';
import type { Session } from '../helpers/app.js';

/**
 * public: anyone; signed-in: any signed-in user acting on their own things; admin: system
 * administrators only; scoped: needs a role covering the object's region (Region Blekinge,
 * "10", in every module's fixtures).
 */
export type Access = 'public' | 'signed-in' | 'admin' | 'scoped';

/** Ids made by the modules' setup functions, merged into one bag (keys must not clash). */
export type Fixture = Record<string, string>;

export type Req = (f: Fixture) => { url: string; payload?: Record<string, unknown>; headers?: Record<string, string> };

export interface SetupContext {
  db: Db;
  newUser: (roles?: RoleAssignment[]) => Promise<Session>;
  request: (opts: InjectOptions & { as?: Session }) => Promise<LightMyRequestResponse>;
  /** Fixtures of the modules set up before this one (core is always first). */
  fixture: Fixture;
}

/** One module's routes: "METHOD /path" as in the OpenAPI document → who may call it, and a valid request. */
export interface AccessModule {
  setup?: (ctx: SetupContext) => Promise<Fixture>;
  /** The optional third element lists the statuses a permitted caller may get when not 2xx (a redirect, say). */
  routes: Record<string, [Access, Req] | [Access, Req, number[]]>;
}
