import { randomUUID } from 'node:crypto';
import { recordAudit } from '../platform/audit/record.js';
import type { Ctx, RoleAssignment } from '../platform/context.js';
import { systemCtx } from '../platform/context.js';
import type { Db } from '../platform/db/index.js';
import { createUser } from '../modules/users/create-user.js';

/**
 * Builders make valid aggregates with unique values. The tests use them to set up their
 * own regions and groups, and the demo data is made with the same functions.
 */
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomUUID().slice(0, 4)}`;

export const DEFAULT_TEST_PASSWORD = 'korrekt-häst-batteri-häftklammer';

export async function buildUser(
  db: Db,
  o: { name?: string; email?: string; password?: string; roles?: RoleAssignment[]; isDemo?: boolean } = {},
  ctx: Ctx = systemCtx('builder'),
) {
  const id = unique();
  return createUser(db, ctx, {
    name: o.name ?? `Testperson ${id}`,
    email: o.email ?? `test-${id}@example.se`,
    password: o.password ?? DEFAULT_TEST_PASSWORD,
    roles: o.roles ?? [],
    ...(o.isDemo ? { isDemo: true } : {}),
  });
}

export const buildAdmin = (db: Db, o: Parameters<typeof buildUser>[1] = {}) =>
  buildUser(db, { ...o, roles: [{ role: 'admin', scopeType: 'system', scopeId: '' }, ...(o.roles ?? [])] });

export interface GroupSeed {
  kind: string;
  level: 'national' | 'healthcare-region' | 'region';
  owner: string;
  name?: string;
  shortName?: string;
  programAreaIds?: string[];
  isDemo?: boolean;
  startDate?: string;
}

/** A local program-area group (LPO) for a region, e.g. buildLpo(db, { region: '10', programAreaId: 'akut-vard' }). */
export function buildLpo(
  db: Db,
  o: { region: string; programAreaId: string; name?: string; isDemo?: boolean; startDate?: string },
) {
  return buildGroup(db, {
    kind: 'program-area',
    level: 'region',
    owner: o.region,
    name: o.name ?? `LPO ${o.programAreaId} ${unique()}`,
    programAreaIds: [o.programAreaId],
    ...(o.isDemo ? { isDemo: true } : {}),
    ...(o.startDate ? { startDate: o.startDate } : {}),
  });
}

export async function buildGroup(db: Db, g: GroupSeed, ctx: Ctx = systemCtx('builder')) {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: string; name: string; version: number }>(
      `INSERT INTO groups (kind, level, owner, name, short_name, program_area_ids, is_demo, start_date)
       VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8) RETURNING id, name, version`,
      [
        g.kind,
        g.level,
        g.owner,
        g.name ?? `Grupp ${unique()}`,
        g.shortName ?? null,
        g.programAreaIds ?? [],
        g.isDemo ?? false,
        g.startDate ?? null,
      ],
    );
    await recordAudit(tx, ctx, { entityType: 'group', entityId: row!.id, action: 'create', after: { ...g, id: row!.id } });
    return row!;
  });
}
