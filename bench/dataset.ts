import type { Config } from '../src/platform/config.js';
import type { Db } from '../src/platform/db/index.js';
import { prepareDatabase } from '../src/server.js';
import { buildGroup, buildUser, type GroupSeed } from '../src/testing/builders.js';

export interface DatasetSize {
  users: number;
  groups: number;
  auditEvents: number;
  /** When set, groups are generated up to this total, counting those the reference data loads. */
  groupsTotal?: number;
}

export const FULL: DatasetSize = { users: 2000, groups: 5000, auditEvents: 20_000 };
export const QUICK: DatasetSize = { users: 200, groups: 500, auditEvents: 2000 };

/** Run fn over items with at most `limit` in flight (password hashing overlaps the inserts). */
async function inParallel<T>(items: T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: limit }, lane));
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

const OTHER_KINDS = ['working-group', 'collaboration-group', 'council', 'forum', 'steering-group'] as const;
const GROUP_WORDS = ['Arbetsgrupp', 'Nätverk', 'Samverkansgrupp', 'Råd', 'Forum', 'Ledningsgrupp', 'Älvsamverkan', 'Öppen vård'];

/**
 * What `npm run bench` measures against: migrations and national reference data (as every
 * start does), then generated people, groups and audit history through the same builders
 * the tests and the demo data use. Names carry å/ä/ö so Swedish ordering does real work.
 */
export async function generateDataset(db: Db, config: Config, size: DatasetSize, log: (msg: string) => void): Promise<void> {
  let t = Date.now();
  await prepareDatabase(db, { ...config, demo: false, bootstrapAdmin: undefined });
  log(`migrations and reference data: ${Date.now() - t} ms`);

  t = Date.now();
  const userIds: string[] = [];
  await inParallel(range(size.users), 4, async (i) => {
    const u = await buildUser(db, { name: `Bänkperson ${i} Åberg-Östlund`, email: `bench-user-${i}@example.se` });
    userIds.push(u.id);
  });
  log(`${size.users} users: ${Date.now() - t} ms`);

  t = Date.now();
  const regions = (await db.query<{ code: string }>('SELECT code FROM regions ORDER BY code')).map((r) => r.code);
  const areas = await db.query<{ id: string; name: string }>('SELECT id, name FROM program_areas ORDER BY id');
  // Valid by the structure's rules, as the API would accept them: one LPO per region and
  // program area first (each finds its RPO mirror itself), then other kinds of groups.
  const taken = new Set(
    (
      await db.query<{ key: string }>(
        `SELECT owner || '/' || unnest(program_area_ids) AS key FROM groups
         WHERE kind = 'program-area' AND status = 'active' AND NOT is_sub_group`,
      )
    ).map((r) => r.key),
  );
  const groupCount = size.groupsTotal
    ? Math.max(0, size.groupsTotal - Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM groups'))[0]!.n))
    : size.groups;
  const lpos = regions.flatMap((owner) => areas.filter((a) => !taken.has(`${owner}/${a.id}`)).map((area) => ({ owner, area })));
  await inParallel(range(groupCount), 4, async (i) => {
    const owner = regions[i % regions.length]!;
    const area = areas[Math.floor(i / regions.length) % areas.length]!;
    const lpo = lpos[i];
    const seed: GroupSeed = lpo
      ? {
          kind: 'program-area',
          level: 'region',
          owner: lpo.owner,
          name: `Lokalt programområde ${lpo.area.name}`,
          programAreaIds: [lpo.area.id],
        }
      : {
          kind: OTHER_KINDS[i % OTHER_KINDS.length]!,
          level: 'region',
          owner,
          name: `${GROUP_WORDS[i % GROUP_WORDS.length]} ${area.name} ${i}`,
          programAreaIds: [area.id],
        };
    if (seed.kind === 'working-group') {
      // Set up by decision as the owner's rule asks (issue 21 item 11): reporting to a program
      // area of its owner, decided there, in samråd with the värdskap (Jönköping's rule, seed 000).
      const [parent] = await db.query<{ id: string }>(
        `SELECT id FROM groups WHERE owner = $1 AND kind = 'program-area' AND status = 'active' ORDER BY created_at LIMIT 1`,
        [owner],
      );
      Object.assign(seed, {
        parentGroupId: parent?.id,
        setupElsewhere: 'Beslut i programområdet (bänk)',
        hostConsultation: 'Samråd med värdskapet (bänk)',
      });
    }
    await buildGroup(db, seed);
  });
  log(`${groupCount} groups: ${Date.now() - t} ms`);

  // Extra history in bulk: recording it one event at a time would only measure the generator.
  t = Date.now();
  const batch = 5000;
  for (let from = 0; from < size.auditEvents; from += batch) {
    const n = Math.min(batch, size.auditEvents - from);
    await db.query(
      `INSERT INTO audit_events (occurred_at, actor_user_id, actor_label, request_id, entity_type, entity_id, action, before, after)
       SELECT now() - make_interval(mins => g), ($2::uuid[])[1 + g % array_length($2::uuid[], 1)], 'Bänkperson <bench@example.se>',
              'bench-' || g, (ARRAY['user', 'group', 'session'])[1 + g % 3], md5(g::text),
              (ARRAY['update', 'update', 'login'])[1 + g % 3],
              jsonb_build_object('name', 'Före ' || g, 'version', g), jsonb_build_object('name', 'Efter ' || g, 'version', g + 1)
       FROM generate_series($1::int, $1::int + $3::int - 1) g`,
      [from, userIds, n],
    );
  }
  log(`${size.auditEvents} extra audit events: ${Date.now() - t} ms`);
  await db.exec('ANALYZE');
}
