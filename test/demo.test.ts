import { describe, expect, it } from 'vitest';
import { demoYear } from '../src/modules/demo/dates.js';
import { loadDemo, DEMO_REGION } from '../src/modules/demo/load-demo.js';
import { systemCtx } from '../src/platform/context.js';
import { useTestDb } from './helpers/db.js';

const t = useTestDb();

describe('demo data', () => {
  it('loads a fictional workload into an empty database once, all marked as demo', async () => {
    expect(await loadDemo(t.db, systemCtx('t'))).toBe(true);
    expect(await loadDemo(t.db, systemCtx('t'))).toBe(false);
    const users = await t.db.query<{ is_demo: boolean; name: string }>('SELECT is_demo, name FROM users');
    expect(users.length).toBeGreaterThan(0);
    expect(users.every((u) => u.is_demo && u.name.includes('(demo)'))).toBe(true);
    const groups = await t.db.query<{ name: string }>(`SELECT name FROM groups WHERE is_demo AND owner = $1`, [DEMO_REGION]);
    // six LPOs, plus the forums and councils of the cases and meetings demos
    expect(groups.length).toBeGreaterThanOrEqual(6);
    expect(groups.every((g) => g.name.includes('(demo)'))).toBe(true);
    // Issue 17/21: the demo region's structure is a tree (one root, the kunskapsråd), and each LPO
    // mirrors an RPO of Södra through its link, the one definition of "mirrored".
    const tree = await t.db.query<{ name: string; kind: string; parent: string | null; mirror: string | null }>(
      `SELECT g.name, g.kind, p.name AS parent, m.name AS mirror FROM groups g
         LEFT JOIN groups p ON p.id = g.parent_group_id LEFT JOIN groups m ON m.id = g.mirrors_group_id
       WHERE g.owner = $1 AND g.status = 'active' ORDER BY g.name`,
      [DEMO_REGION],
    );
    expect(tree.filter((g) => g.parent === null).map((g) => g.name)).toEqual(['Kunskapsrådet (demo)']);
    const lpos = tree.filter((g) => g.kind === 'program-area');
    expect(lpos).toHaveLength(6);
    expect(lpos.every((g) => g.parent === 'Kunskapsrådet (demo)')).toBe(true);
    expect(lpos.find((g) => g.name === 'LPO Akut vård (demo)')?.mirror).toBe('RPO Akut vård Södra (demo)');
    const persons = await t.db.query<{ is_demo: boolean }>('SELECT is_demo FROM persons');
    expect(persons.every((p) => p.is_demo)).toBe(true);
    const members = await t.db.query<{ n: number }>('SELECT count(*) AS n FROM memberships');
    expect(members[0]!.n).toBeGreaterThanOrEqual(10);
    // Every area's demo registers its matters in the one case series: numbered 1, 2, 3 … without gaps.
    const cases = await t.db.query<{ case_number: string }>('SELECT case_number FROM cases ORDER BY sequence');
    expect(cases.length).toBeGreaterThanOrEqual(4);
    expect(cases.map((c) => c.case_number)).toEqual(cases.map((_, i) => `R07 ${demoYear(2026)}/${i + 1}`));
  });
});
