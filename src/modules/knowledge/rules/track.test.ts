import { describe, expect, it } from 'vitest';
import { planRound } from './plan-round.js';
import { checkRoundDates, isCalendarWindow, onWorkingDays, overlaps, placeRound, proposeTrack, roundPhase } from './track.js';

describe('proposing the track from the consequence description', () => {
  it('significant consequences in any dimension → öppen remiss, naming the dimensions', () => {
    expect(
      proposeTrack([
        { dimension: 'resources', significance: 'significant' },
        { dimension: 'ethics', significance: 'minor' },
        { dimension: 'organisation', significance: 'significant' },
      ]),
    ).toEqual({ track: 'oppen-remiss', because: ['resources', 'organisation'] });
    expect(proposeTrack([{ dimension: 'ethics', significance: 'significant' }]).track).toBe('oppen-remiss');
  });

  it('minor or no consequences, or none described → synpunktsinhämtning', () => {
    expect(proposeTrack([])).toEqual({ track: 'synpunktsinhamtning', because: [] });
    expect(
      proposeTrack([
        { dimension: 'resources', significance: 'minor' },
        { dimension: 'patient-safety', significance: 'none' },
      ]).track,
    ).toBe('synpunktsinhamtning');
  });
});

describe('placing a round in the next calendar slot (real dates)', () => {
  it('late November 2026: synpunktsinhämtning in December, öppen remiss in February 2027', () => {
    expect(placeRound('synpunktsinhamtning', '2026-11-26')).toEqual({ opens: '2026-12-01', closes: '2026-12-29' });
    expect(placeRound('oppen-remiss', '2026-11-26')).toEqual({ opens: '2027-02-15', closes: '2027-04-14' });
  });

  it('the November remiss window opens on Monday 16 November 2026 (the 15th is a Sunday) and closes Friday 12 February', () => {
    expect(placeRound('oppen-remiss', '2026-11-13')).toEqual({ opens: '2026-11-16', closes: '2027-02-12' });
  });

  it('a window opening today is too late to prepare for: the next one is chosen', () => {
    expect(placeRound('synpunktsinhamtning', '2026-12-01')).toEqual({ opens: '2027-02-01', closes: '2027-03-01' });
    expect(placeRound('synpunktsinhamtning', '2026-12-01', { includeToday: true })).toEqual({
      opens: '2026-12-01',
      closes: '2026-12-29',
    });
  });

  it('no synpunktsinhämtning in January or the summer', () => {
    expect(placeRound('synpunktsinhamtning', '2026-12-31')).toEqual({ opens: '2027-02-01', closes: '2027-03-01' });
    expect(placeRound('synpunktsinhamtning', '2026-05-15')).toEqual({ opens: '2026-09-01', closes: '2026-09-29' });
  });

  it('Easter 2029: April opens on Tuesday 3 April after Easter Monday, and closes Monday 30 April before 1 May', () => {
    expect(placeRound('synpunktsinhamtning', '2029-03-15')).toEqual({ opens: '2029-04-03', closes: '2029-04-30' });
  });

  it('Ascension Day 2030 (30 May): the May round opens 2 May after 1 May and closes Wednesday 29 May', () => {
    expect(placeRound('synpunktsinhamtning', '2030-04-15')).toEqual({ opens: '2030-05-02', closes: '2030-05-29' });
  });

  it('a remiss window ending on a Sunday closes the Friday before', () => {
    expect(placeRound('oppen-remiss', '2027-06-01')).toEqual({ opens: '2027-09-15', closes: '2027-11-12' });
    expect(placeRound('oppen-remiss', '2030-01-01')).toEqual({ opens: '2030-02-15', closes: '2030-04-12' });
  });
});

describe('dates and overrides', () => {
  it('knows the calendar windows of each track', () => {
    expect(isCalendarWindow('oppen-remiss', '2027-02-15', '2027-04-14')).toBe(true);
    expect(isCalendarWindow('synpunktsinhamtning', '2027-02-15', '2027-04-14')).toBe(false);
    expect(isCalendarWindow('oppen-remiss', '2026-11-16', '2027-02-12')).toBe(true);
  });

  it('dates outside the calendar need an explicit override with a reason, on working days', () => {
    expect(checkRoundDates('synpunktsinhamtning', '2027-01-11', '2027-02-08', { datesOverride: false, reason: null })).toEqual([
      { path: '/opensOn', message: expect.stringContaining('följer inte remisskalendern') },
    ]);
    expect(checkRoundDates('synpunktsinhamtning', '2027-01-11', '2027-02-08', { datesOverride: true, reason: null })).toEqual([
      { path: '/overrideReason', message: expect.any(String) },
    ]);
    expect(
      checkRoundDates('synpunktsinhamtning', '2027-01-11', '2027-02-08', { datesOverride: true, reason: 'Brådskande' }),
    ).toEqual([]);
    // Trettondedag jul is a public holiday.
    expect(checkRoundDates('synpunktsinhamtning', '2027-01-06', '2027-02-08', { datesOverride: true, reason: 'x' })).toEqual([
      { path: '/opensOn', message: 'Startdagen måste vara en vardag.' },
    ]);
    expect(checkRoundDates('oppen-remiss', '2027-03-01', '2027-02-01', { datesOverride: true, reason: 'x' })[0]!.path).toBe(
      '/closesOn',
    );
  });

  it('moves dates by the working-day rule: Easter 2027', () => {
    expect(onWorkingDays('2027-03-29', '2027-04-25')).toEqual({ opens: '2027-03-30', closes: '2027-04-23' });
    expect(onWorkingDays('2027-03-01', '2027-03-25')).toEqual({ opens: '2027-03-01', closes: '2027-03-25' });
  });

  it('overlap is inclusive of the end days', () => {
    expect(overlaps({ opens: '2027-02-01', closes: '2027-03-01' }, { opens: '2027-03-01', closes: '2027-03-29' })).toBe(true);
    expect(overlaps({ opens: '2027-02-01', closes: '2027-03-01' }, { opens: '2027-03-02', closes: '2027-03-29' })).toBe(false);
  });

  it('the phase of a round follows the date', () => {
    const r = { opens: '2026-12-01', closes: '2026-12-29', cancelled: false };
    expect(roundPhase(r, '2026-11-30')).toBe('planerad');
    expect(roundPhase(r, '2026-12-01')).toBe('oppen');
    expect(roundPhase(r, '2026-12-29')).toBe('oppen');
    expect(roundPhase(r, '2026-12-30')).toBe('stangd');
    expect(roundPhase({ ...r, cancelled: true }, '2026-12-10')).toBe('avbruten');
  });
});

describe('planning a round', () => {
  const significant = [{ dimension: 'resources' as const, significance: 'significant' as const }];

  it('takes the proposal when nothing is chosen', () => {
    const plan = planRound(significant, '2026-11-26');
    expect(plan).toMatchObject({
      proposal: { track: 'oppen-remiss', because: ['resources'], opensOn: '2027-02-15', closesOn: '2027-04-14' },
      track: 'oppen-remiss',
      opensOn: '2027-02-15',
      closesOn: '2027-04-14',
      trackOverridden: false,
      datesOverridden: false,
      overrideReason: null,
      errors: [],
    });
  });

  it('choosing the other track needs a reason, and places the round in that track’s next slot', () => {
    expect(planRound(significant, '2026-11-26', { track: 'synpunktsinhamtning' }).errors).toEqual([
      { path: '/overrideReason', message: 'Ange skäl för att välja ett annat spår än det föreslagna.' },
    ]);
    const plan = planRound(significant, '2026-11-26', {
      track: 'synpunktsinhamtning',
      overrideReason: 'Endast redaktionella ändringar',
    });
    expect(plan).toMatchObject({
      track: 'synpunktsinhamtning',
      opensOn: '2026-12-01',
      closesOn: '2026-12-29',
      trackOverridden: true,
      errors: [],
    });
    expect(plan.overrideReason).toBe('Endast redaktionella ändringar');
  });

  it('a later calendar window needs no reason; dates outside the calendar do', () => {
    // March 2027: 28 days after 1 March is Easter Monday, and the Friday before is Good Friday.
    const later = planRound([], '2026-11-26', { opensOn: '2027-03-01', closesOn: '2027-03-25' });
    expect(later).toMatchObject({ opensOn: '2027-03-01', closesOn: '2027-03-25', datesOverridden: false, errors: [] });
    // The form never refuses the nominal end: Monday 29 March 2027 is Easter Monday, and the
    // working-day rule (the calendar's own) makes the last day to answer Thursday 25 March.
    expect(planRound([], '2026-11-26', { opensOn: '2027-03-01', closesOn: '2027-03-29' })).toMatchObject({
      opensOn: '2027-03-01',
      closesOn: '2027-03-25',
      datesOverridden: false,
      errors: [],
    });
    // With an override too, a holiday is moved, not refused: Good Friday → Maundy Thursday.
    expect(
      planRound([], '2026-11-26', { opensOn: '2027-03-01', closesOn: '2027-03-26', datesOverride: true, overrideReason: 'x' }),
    ).toMatchObject({ closesOn: '2027-03-25', errors: [] });
    const outside = planRound([], '2026-11-26', { opensOn: '2027-01-11', closesOn: '2027-02-08' });
    expect(outside.errors.map((e) => e.path)).toEqual(['/opensOn']);
    const overridden = planRound([], '2026-11-26', {
      opensOn: '2027-01-11',
      closesOn: '2027-02-08',
      datesOverride: true,
      overrideReason: 'Akut',
    });
    expect(overridden).toMatchObject({ datesOverridden: true, overrideReason: 'Akut', errors: [] });
  });

  it('asks for both dates when only one is given', () => {
    expect(planRound([], '2026-11-26', { opensOn: '2027-03-01' }).errors).toEqual([
      { path: '/closesOn', message: 'Ange både startdag och sista svarsdag.' },
    ]);
  });
});
