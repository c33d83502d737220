import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedVersion } from './concurrency.js';
import { decodeCursor, encodeCursor, pageOf, paginate } from './pagination.js';

describe('If-Match / version', () => {
  it('accepts "3", W/"3" and 3, and prefers agreement with a body version', () => {
    expect(expectedVersion('"3"', undefined)).toBe(3);
    expect(expectedVersion('W/"3"', undefined)).toBe(3);
    expect(expectedVersion('3', 3)).toBe(3);
    expect(expectedVersion('"3-Xy_9-abc"', undefined)).toBe(3);
    expect(expectedVersion(undefined, 4)).toBe(4);
  });
  it('refuses garbage (400), disagreement (409) and absence (428)', () => {
    expect(() => expectedVersion('"abc"', undefined)).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => expectedVersion('"3"', 2)).toThrow(expect.objectContaining({ status: 409 }));
    expect(() => expectedVersion(undefined, undefined)).toThrow(expect.objectContaining({ status: 428 }));
  });
});

describe('cursors', () => {
  it('round-trip any key', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.integer()), { minLength: 1, maxLength: 3 }), (key) => {
        expect(decodeCursor(encodeCursor(key), key.length)).toEqual(key);
      }),
    );
  });
  it('refuse tampered or foreign cursors with 400', () => {
    for (const bad of ['xyz', encodeCursor(['a']), Buffer.from('{"a":1}').toString('base64url')]) {
      expect(() => decodeCursor(bad, 2)).toThrow(expect.objectContaining({ status: 400 }));
    }
  });
  it('paging an ordered list visits every item once, for any page size', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 10 }),
        (items, limit) => {
          const seen: string[] = [];
          let cursor: string | undefined;
          for (let i = 0; i < 100; i++) {
            const page = pageOf(items, limit, cursor, (s) => s);
            seen.push(...page.items);
            if (!page.nextCursor) break;
            cursor = page.nextCursor;
          }
          expect(seen).toEqual(items);
        },
      ),
    );
  });
  it('paginate gives no cursor on the last page', () => {
    expect(paginate([1, 2], 2, (n) => [n]).nextCursor).toBeNull();
    expect(paginate([1, 2, 3], 2, (n) => [n]).nextCursor).toEqual(encodeCursor([2]));
  });
});
