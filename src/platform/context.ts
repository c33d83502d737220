/** Who is acting and on which request: passed to every use case. */
export interface RoleAssignment {
  role: string;
  scopeType: 'system' | 'healthcare-region' | 'region' | 'group';
  scopeId: string;
}

export interface Actor {
  userId: string;
  email: string;
  name: string;
  roles: RoleAssignment[];
  via: 'session' | 'token' | 'system';
}

export interface Ctx {
  actor: Actor | undefined;
  requestId: string;
}

/** The actor for start-up work, the CLI and jobs. */
export const systemActor: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  email: 'system@navet.local',
  name: 'Navet (system)',
  roles: [{ role: 'admin', scopeType: 'system', scopeId: '' }],
  via: 'system',
};

export const systemCtx = (requestId = 'system'): Ctx => ({ actor: systemActor, requestId });
