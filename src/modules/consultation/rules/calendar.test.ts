import { describe, expect, it } from 'vitest';
import { consultationCalendar, nextWindow } from './calendar.js';
import { isWorkingDay, onOrAfter, onOrBefore, workingDaysBefore } from './working-days.js';

describe('Swedish working days', () => {
  it('knows weekends, public holidays and the three eves', () => {
    expect(isWorkingDay('2027-03-26')).toBe(false); // långfredagen
    expect(isWorkingDay('2027-03-29')).toBe(false); // annandag påsk
    expect(isWorkingDay('2027-05-06')).toBe(false); // Kristi himmelsfärdsdag
    expect(isWorkingDay('2027-06-25')).toBe(false); // midsommarafton
    expect(isWorkingDay('2026-12-24')).toBe(false); // julafton
    expect(isWorkingDay('2026-12-31')).toBe(false); // nyårsafton
    expect(isWorkingDay('2027-01-06')).toBe(false); // trettondedag jul
    expect(isWorkingDay('2026-11-28')).toBe(false); // lördag
    expect(isWorkingDay('2027-03-25')).toBe(true); // skärtorsdagen är en vardag
    expect(isWorkingDay('2027-04-30')).toBe(true); // valborgsmässoafton är en vardag
  });
  it('moves forward and back over long weekends', () => {
    expect(onOrAfter('2027-03-26')).toBe('2027-03-30');
    expect(onOrBefore('2027-03-29')).toBe('2027-03-25');
    expect(workingDaysBefore('2027-04-14', 10)).toBe('2027-03-31');
    expect(workingDaysBefore('2027-04-01', 3)).toBe('2027-03-25'); // over Easter 2027
  });
});

describe('GET /api/v1/consultation-calendar rules, with real dates', () => {
  it('2027: synpunktsinhämtning on the first working day of eight months, 28 days, closing back to a working day', () => {
    expect(consultationCalendar(2027).synpunktsinhamtning).toEqual([
      { opens: '2027-02-01', closes: '2027-03-01' },
      { opens: '2027-03-01', closes: '2027-03-25' }, // 29 March 2027 is annandag påsk: back over Easter
      { opens: '2027-04-01', closes: '2027-04-29' },
      { opens: '2027-05-03', closes: '2027-05-31' }, // 1 May is a Saturday and a holiday
      { opens: '2027-09-01', closes: '2027-09-29' },
      { opens: '2027-10-01', closes: '2027-10-29' },
      { opens: '2027-11-01', closes: '2027-11-29' },
      { opens: '2027-12-01', closes: '2027-12-29' },
    ]);
  });

  it('2027: the four remiss windows, the November one spanning the new year', () => {
    expect(consultationCalendar(2027).nationalRemiss).toEqual([
      { opens: '2027-02-15', closes: '2027-04-14' },
      { opens: '2027-04-15', closes: '2027-06-14' },
      { opens: '2027-09-15', closes: '2027-11-12' }, // 14 Nov 2027 is a Sunday
      { opens: '2027-11-15', closes: '2028-02-14' },
    ]);
  });

  it('2026: openings on weekends move forward; Ascension Day closes back', () => {
    const c = consultationCalendar(2026);
    expect(c.nationalRemiss[0]).toEqual({ opens: '2026-02-16', closes: '2026-04-14' }); // 15 Feb 2026 is a Sunday
    expect(c.nationalRemiss[2]).toEqual({ opens: '2026-09-15', closes: '2026-11-13' }); // 14 Nov 2026 is a Saturday
    expect(c.synpunktsinhamtning[0]).toEqual({ opens: '2026-02-02', closes: '2026-03-02' }); // 1 Feb 2026 is a Sunday
    expect(c.synpunktsinhamtning[3]).toEqual({ opens: '2026-05-04', closes: '2026-06-01' });
  });

  it('2030: Ascension Day (30 May) makes a closing day move back', () => {
    const may = consultationCalendar(2030).synpunktsinhamtning[3]!;
    expect(may.opens).toBe('2030-05-02');
    expect(may.closes).toBe('2030-05-29'); // 30 May 2030 is Kristi himmelsfärdsdag
  });

  it('every window opens and closes on working days and is ordered by date, for 25 years', () => {
    for (let year = 2021; year <= 2045; year++) {
      const c = consultationCalendar(year);
      for (const w of [...c.synpunktsinhamtning, ...c.nationalRemiss]) {
        expect(isWorkingDay(w.opens), `${year} ${w.opens}`).toBe(true);
        expect(isWorkingDay(w.closes), `${year} ${w.closes}`).toBe(true);
        expect(w.closes > w.opens).toBe(true);
      }
      expect(c.synpunktsinhamtning.map((w) => w.opens)).toEqual([...c.synpunktsinhamtning.map((w) => w.opens)].sort());
      expect(c.nationalRemiss.map((w) => w.opens)).toEqual([...c.nationalRemiss.map((w) => w.opens)].sort());
      expect(c.synpunktsinhamtning.some((w) => ['01', '06', '07', '08'].includes(w.opens.slice(5, 7)))).toBe(false);
    }
  });

  it('places a new round in the next window of its track', () => {
    expect(nextWindow('national-remiss', '2027-04-16')).toEqual({ opens: '2027-09-15', closes: '2027-11-12' });
    expect(nextWindow('synpunktsinhamtning', '2027-12-02')).toEqual({ opens: '2028-02-01', closes: '2028-02-29' });
  });
});
