import { describe, expect, it } from 'vitest';
import {
  camelKey,
  camelRow,
  camelRows,
  insertColumns,
  selectRow,
  selectRows,
  setColumns,
  snakeKey,
} from '../src/platform/db/rows.js';
import type { Queryable } from '../src/platform/db/index.js';

/** A Queryable that answers every query with the given rows and remembers what it was asked. */
function fake(rows: Record<string, unknown>[]) {
  const asked: { sql: string; params: readonly unknown[] }[] = [];
  const db: Queryable = {
    query: <T>(sql: string, params: readonly unknown[] = []) => {
      asked.push({ sql, params });
      return Promise.resolve(rows as T[]);
    },
    exec: () => Promise.resolve(),
  };
  return { db, asked };
}

describe('rows in API shape', () => {
  it('camelCases column names once and keeps names without underscores', () => {
    expect(camelKey('case_number')).toBe('caseNumber');
    expect(camelKey('assigned_group_id')).toBe('assignedGroupId');
    expect(camelKey('sha256')).toBe('sha256');
    expect(camelKey('decisionRef')).toBe('decisionRef');
    expect(camelKey('address_line_2')).toBe('addressLine2');
  });

  it('writes timestamps as ISO strings and leaves dates, counts, nulls and jsonb as the driver gave them', () => {
    const row = camelRow<Record<string, unknown>>({
      registered_at: new Date('2026-11-02T09:30:00Z'),
      received_date: '2026-11-02',
      open_actions: 3,
      closed_at: null,
      after: { nested_key: { at: 'x' } },
      content: new Uint8Array([1, 2]),
    });
    expect(row).toEqual({
      registeredAt: '2026-11-02T09:30:00.000Z',
      receivedDate: '2026-11-02',
      openActions: 3,
      closedAt: null,
      after: { nested_key: { at: 'x' } },
      content: new Uint8Array([1, 2]),
    });
    expect(camelRows([{ a_b: 1 }, { a_b: 2 }])).toEqual([{ aB: 1 }, { aB: 2 }]);
  });

  it('selectRows and selectRow map what the query returns', async () => {
    const { db, asked } = fake([{ case_number: 'RJL 2026/1' }]);
    expect(await selectRows<{ caseNumber: string }>(db, 'SELECT case_number FROM cases WHERE id = $1', ['x'])).toEqual([
      { caseNumber: 'RJL 2026/1' },
    ]);
    expect(await selectRow<{ caseNumber: string }>(db, 'SELECT 1')).toEqual({ caseNumber: 'RJL 2026/1' });
    expect(await selectRow(fake([]).db, 'SELECT 1')).toBeUndefined();
    expect(asked[0]).toEqual({ sql: 'SELECT case_number FROM cases WHERE id = $1', params: ['x'] });
  });

  it('names the columns of a write from camelCase fields, skipping absent ones', () => {
    const params: unknown[] = ['id', 4];
    expect(setColumns({ subject: 'Ny', secrecyGround: null, dueDate: undefined, externalRef: 'X-1' }, params)).toBe(
      'subject = $3, secrecy_ground = $4, external_ref = $5',
    );
    expect(params).toEqual(['id', 4, 'Ny', null, 'X-1']);
    const ins: unknown[] = [];
    expect(insertColumns({ regionCode: '10', caseNumber: 'A 1', secret: false, note: undefined }, ins)).toEqual({
      columns: '(region_code, case_number, secret)',
      values: '($1, $2, $3)',
    });
    expect(ins).toEqual(['10', 'A 1', false]);
  });

  it('refuses a field name that is not a plain identifier (never SQL from a key)', () => {
    expect(snakeKey('caseNumber')).toBe('case_number');
    for (const bad of ['a; DROP TABLE cases', 'x"', 'Subject', '', 'snake_case', 'a b']) {
      expect(() => snakeKey(bad)).toThrow(/Not a column name/);
    }
    expect(() => setColumns({ 'subject = 1, version': 2 }, [])).toThrow();
  });
});
