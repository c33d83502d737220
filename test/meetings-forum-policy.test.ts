/**
 * The meetings policy decides one forum in JavaScript (forumAccess → decide) and every forum at
 * once in SQL (readableForums, for the forum list, the decision log and Min översikt). Both
 * must give the same answer: for callers with roles in several regions, a healthcare region,
 * the nation, a group, and with memberships (current and ended) only, every active forum is
 * read or kept by the one exactly when it is by the other.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Ctx, RoleAssignment } from '../src/platform/context.js';
import { getGroup } from '../src/modules/organisation/index.js';
import { FORUM_KINDS, forumAccess, readableForums } from '../src/modules/meetings/policy.js';
import { buildGroup, buildPerson } from '../src/testing/builders.js';
import { useTestDb } from './helpers/db.js';

const t = useTestDb();

const forums: Record<string, string> = {};
let memberEmail = '';

const ctxOf = (email: string, roles: RoleAssignment[]): Ctx => {
  const actor: Actor = { userId: '00000000-0000-4000-8000-00000000f001', email, name: 'Testperson', roles, via: 'session' };
  return { actor, requestId: 'forum-policy' };
};

beforeAll(async () => {
  const forum = async (
    key: string,
    kind: 'forum' | 'council' | 'steering-group',
    level: 'region' | 'healthcare-region' | 'national',
    owner: string,
  ) => {
    forums[key] = (await buildGroup(t.db, { kind, level, owner, name: `Policyforum ${key}` })).id;
  };
  await forum('stockholm', 'forum', 'region', '01');
  await forum('stockholm-styr', 'steering-group', 'region', '01');
  await forum('skane', 'forum', 'region', '12');
  await forum('halland', 'council', 'region', '13');
  await forum('sodra', 'council', 'healthcare-region', 'sodra');
  await forum('nationellt', 'forum', 'national', 'national');
  await forum('jonkoping', 'forum', 'region', '06');
  await forum('vasterbotten', 'forum', 'region', '24');
  const person = await buildPerson(t.db, { email: `policy-medlem-${Date.now()}@example.se` });
  memberEmail = person.email!;
  const member = (key: string, role: string, start: string, end: string | null) =>
    t.db.query(`INSERT INTO memberships (group_id, person_id, role, start_date, end_date) VALUES ($1, $2, $3, $4, $5)`, [
      forums[key],
      person.id,
      role,
      start,
      end,
    ]);
  await member('skane', 'sekreterare', '2020-01-01', null);
  await member('jonkoping', 'ledamot', '2020-01-01', null);
  await member('vasterbotten', 'ordforande', '2020-01-01', '2021-12-31');
});

const CALLERS: [string, () => Ctx][] = [
  ['samordnare in Stockholm', () => ctxOf('a@example.se', [{ role: 'samordnare', scopeType: 'region', scopeId: '01' }])],
  ['läsare in Södra', () => ctxOf('b@example.se', [{ role: 'lasare', scopeType: 'healthcare-region', scopeId: 'sodra' }])],
  ['registrator in Halland', () => ctxOf('c@example.se', [{ role: 'registrator', scopeType: 'region', scopeId: '13' }])],
  ['administrator', () => ctxOf('d@example.se', [{ role: 'admin', scopeType: 'system', scopeId: '' }])],
  [
    'samordnare of one forum, processtöd in Skåne',
    () =>
      ctxOf('e@example.se', [
        { role: 'samordnare', scopeType: 'group', scopeId: forums.halland! },
        { role: 'processtod', scopeType: 'region', scopeId: '12' },
      ]),
  ],
  [
    'samordnare in Södra',
    () => ctxOf('f@example.se', [{ role: 'samordnare', scopeType: 'healthcare-region', scopeId: 'sodra' }]),
  ],
  ['member only', () => ctxOf(memberEmail, [])],
  ['no roles', () => ctxOf('g@example.se', [])],
];

describe('readableForums (SQL) and forumAccess (one forum) agree', () => {
  it.each(CALLERS)('for a %s', async (_name, make) => {
    const sql = new Map((await readableForums(t.db, make())).map((f) => [f.group.id, f.manage]));
    const kept = (await readableForums(t.db, make(), { manageOnly: true })).map((f) => f.group.id).sort();
    const all = await t.db.query<{ id: string }>(`SELECT id FROM groups WHERE kind = ANY($1::text[]) AND status = 'active'`, [
      FORUM_KINDS,
    ]);
    const js = new Map<string, boolean>();
    const ctx = make();
    for (const { id } of all) {
      const access = await forumAccess(t.db, ctx, (await getGroup(t.db, id))!);
      if (access.read) js.set(id, access.manage);
    }
    expect(Object.fromEntries(sql)).toEqual(Object.fromEntries(js));
    expect(kept).toEqual(
      [...js]
        .filter(([, m]) => m)
        .map(([id]) => id)
        .sort(),
    );
  });

  it('reads and keeps what the roles and memberships say, for the fixture', async () => {
    const of = async (ctx: Ctx) => {
      const out: Record<string, string> = {};
      for (const f of await readableForums(t.db, ctx)) {
        const key = Object.keys(forums).find((k) => forums[k] === f.group.id);
        if (key) out[key] = f.manage ? 'keeps' : 'reads';
      }
      return out;
    };
    expect(await of(CALLERS[0]![1]())).toEqual({ stockholm: 'keeps', 'stockholm-styr': 'keeps' });
    // Södra's läsare reads the forums of its regions (Skåne, Halland; not Jönköping, in Sydöstra) and its own.
    expect(await of(CALLERS[1]![1]())).toEqual({ skane: 'reads', halland: 'reads', sodra: 'reads' });
    expect(await of(CALLERS[4]![1]())).toEqual({ halland: 'keeps', skane: 'reads' });
    // A secretary keeps, a member reads, an ended membership gives nothing.
    expect(await of(CALLERS[6]![1]())).toEqual({ skane: 'keeps', jonkoping: 'reads' });
    expect(await of(CALLERS[7]![1]())).toEqual({});
  });
});
