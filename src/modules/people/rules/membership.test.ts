import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addYears, checkAppointment, currentDeclaration, type DeclarationFacts } from './membership.js';

const decl = (o: Partial<DeclarationFacts>): DeclarationFacts => ({
  id: 'd',
  status: 'approved',
  submittedAt: new Date('2026-01-10T10:00:00Z'),
  validUntil: '2029-01-10',
  ...o,
});

describe('re-assessment date: three years', () => {
  it('adds years on real dates, 29 February lands on 28 February', () => {
    expect(addYears('2026-11-26', 3)).toBe('2029-11-26');
    expect(addYears('2028-02-29', 3)).toBe('2031-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
  });
  it('is always later and keeps month and (clamped) day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 5 }),
        (d, n) => {
          const iso = d.toISOString().slice(0, 10);
          const out = addYears(iso, n);
          expect(out > iso).toBe(true);
          expect(out.slice(5, 7)).toBe(iso.slice(5, 7));
          expect(Number(out.slice(0, 4))).toBe(Number(iso.slice(0, 4)) + n);
        },
      ),
    );
  });
});

describe('current approved declaration', () => {
  it('none, pending, returned and expired are not current, and say why', () => {
    expect(currentDeclaration([], '2026-11-26')).toMatchObject({ ok: false, reason: 'none' });
    expect(currentDeclaration([decl({ status: 'submitted', validUntil: null })], '2026-11-26')).toMatchObject({
      ok: false,
      reason: 'pending',
    });
    expect(currentDeclaration([decl({ status: 'returned', validUntil: null })], '2026-11-26')).toMatchObject({
      ok: false,
      reason: 'returned',
    });
    expect(currentDeclaration([decl({ validUntil: '2026-11-25' })], '2026-11-26')).toMatchObject({
      ok: false,
      reason: 'expired',
    });
  });
  it('an approval holds through its last day', () => {
    expect(currentDeclaration([decl({ validUntil: '2026-11-26' })], '2026-11-26')).toMatchObject({ ok: true });
    expect(currentDeclaration([decl({ status: 'approved-with-restrictions' })], '2026-11-26')).toMatchObject({
      ok: true,
      restricted: true,
    });
  });
  it('a newer declaration under review replaces an approved one (the ties changed)', () => {
    const old = decl({ id: 'old' });
    const newer = decl({ id: 'new', status: 'submitted', submittedAt: new Date('2026-06-01T08:00:00Z'), validUntil: null });
    expect(currentDeclaration([old, newer], '2026-11-26')).toMatchObject({ ok: false, reason: 'pending' });
  });
});

describe('appointments', () => {
  const chair = (personId: string, startDate = '2026-01-01', endDate: string | null = '2028-12-31') => ({
    id: personId,
    personId,
    role: 'ordforande',
    startDate,
    endDate,
  });
  it('refuses a period that ends before it starts', () => {
    expect(
      checkAppointment({ personId: 'p', role: 'ledamot', startDate: '2027-01-01', endDate: '2026-12-31' }, [])[0]?.path,
    ).toBe('endDate');
  });
  it('allows two chairs (shared chairmanship) and refuses a third at the same time', () => {
    expect(checkAppointment({ personId: 'b', role: 'ordforande', startDate: '2026-06-01', endDate: null }, [chair('a')])).toEqual(
      [],
    );
    expect(
      checkAppointment({ personId: 'c', role: 'ordforande', startDate: '2026-06-01', endDate: null }, [chair('a'), chair('b')])[0]
        ?.path,
    ).toBe('role');
    expect(
      checkAppointment({ personId: 'c', role: 'ordforande', startDate: '2029-01-01', endDate: null }, [chair('a'), chair('b')]),
    ).toEqual([]);
  });
  it('refuses the same person in the same role for an overlapping period', () => {
    const errors = checkAppointment({ personId: 'a', role: 'ordforande', startDate: '2028-12-31', endDate: null }, [chair('a')]);
    expect(errors[0]?.path).toBe('personId');
    expect(checkAppointment({ personId: 'a', role: 'ledamot', startDate: '2027-01-01', endDate: null }, [chair('a')])).toEqual(
      [],
    );
  });
});
