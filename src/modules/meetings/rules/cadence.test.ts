import { describe, expect, it } from 'vitest';
import { allowed, checkCadence, DEFAULT_CADENCE, inBlackout, proposeMeetingDates } from './cadence.js';
import { caseStatusAfter, matchingRestrictions, paragraphReference, stockholmToUtc } from './meeting.js';
import { allowedActions, checkAction } from '../../../platform/lifecycle/index.js';
import {
  attachmentsClosedReason,
  meetingLifecycle,
  minutesClosedReason,
  minutesEditable,
  minutesLifecycle,
  minutesProblems,
} from './lifecycle.js';

describe('the kunskapsråd cadence (every 4–6 weeks, no July, no 20 Dec – 6 Jan)', () => {
  it('proposes 2027 on Wednesdays, five weeks apart, around the summer and Christmas breaks', () => {
    expect(proposeMeetingDates(DEFAULT_CADENCE, 2027)).toEqual([
      '2027-01-13', // 6 January (trettondedag jul) is in the break; the first Wednesday after
      '2027-02-17',
      '2027-03-24',
      '2027-04-28',
      '2027-06-02',
      '2027-06-30', // five weeks would be 7 July (summer break): four weeks instead
      '2027-08-04',
      '2027-09-08',
      '2027-10-13',
      '2027-11-17',
      '2027-12-15', // 22 December is in the Christmas break: four weeks instead
    ]);
  });

  it('keeps every interval within 4–6 weeks except across a break', () => {
    const dates = proposeMeetingDates({ ...DEFAULT_CADENCE, weekday: 2 }, 2027);
    for (let i = 1; i < dates.length; i++) {
      const weeks = (Date.parse(dates[i]!) - Date.parse(dates[i - 1]!)) / (7 * 86400000);
      const acrossSummer = dates[i - 1]! < '2027-07-01' && dates[i]! > '2027-07-31';
      if (!acrossSummer) expect(weeks, `${dates[i - 1]} → ${dates[i]}`).toBeGreaterThanOrEqual(4);
      if (!acrossSummer) expect(weeks, `${dates[i - 1]} → ${dates[i]}`).toBeLessThanOrEqual(6);
    }
    expect(dates.every((d) => allowed(d, DEFAULT_CADENCE))).toBe(true);
  });

  it('never proposes a Swedish holiday: Kristi himmelsfärd 2027 and midsommarafton are skipped', () => {
    // Thursdays every four weeks after 8 April: 6 May is Kristi himmelsfärdsdag.
    const thursdays = proposeMeetingDates({ minWeeks: 4, maxWeeks: 4, weekday: 4, blackouts: [] }, 2027, '2027-04-08');
    expect(thursdays[0]).toBe('2027-05-13');
    expect(thursdays).not.toContain('2027-05-06');
    // Fridays every four weeks: 25 June 2027 is midsommarafton, and July is the break.
    const fridays = proposeMeetingDates({ ...DEFAULT_CADENCE, minWeeks: 4, maxWeeks: 4, weekday: 5 }, 2027);
    expect(fridays).toContain('2027-05-28');
    expect(fridays).not.toContain('2027-06-25');
    expect(fridays[fridays.indexOf('2027-05-28') + 1]).toBe('2027-08-06');
  });

  it('starts at least minWeeks after the last meeting of the year before', () => {
    expect(proposeMeetingDates(DEFAULT_CADENCE, 2027, '2026-12-16')[0]).toBe('2027-01-13');
    expect(proposeMeetingDates(DEFAULT_CADENCE, 2027, '2027-01-06')[0]).toBe('2027-02-03');
  });

  it('takes a forum-specific break (here no meetings in August either)', () => {
    const dates = proposeMeetingDates(
      {
        ...DEFAULT_CADENCE,
        blackouts: [
          { from: '07-01', to: '08-15' },
          { from: '12-20', to: '01-06' },
        ],
      },
      2027,
    );
    expect(dates.filter((d) => d >= '2027-07-01' && d <= '2027-08-15')).toEqual([]);
    expect(dates).toContain('2027-08-18');
  });

  it('reads blackouts that wrap the new year', () => {
    expect(inBlackout('2027-12-24', DEFAULT_CADENCE.blackouts)).toBe(true);
    expect(inBlackout('2027-01-06', DEFAULT_CADENCE.blackouts)).toBe(true);
    expect(inBlackout('2027-01-07', DEFAULT_CADENCE.blackouts)).toBe(false);
    expect(inBlackout('2027-12-19', DEFAULT_CADENCE.blackouts)).toBe(false);
  });

  it('refuses a broken rule', () => {
    expect(
      checkCadence({ minWeeks: 6, maxWeeks: 4, weekday: 6, blackouts: [{ from: '13-01', to: '07-31' }] }).map((e) => e.path),
    ).toEqual(['maxWeeks', 'weekday', 'blackouts/0/from']);
    expect(() => proposeMeetingDates({ ...DEFAULT_CADENCE, maxWeeks: 2 }, 2027)).toThrow(/maxWeeks/);
  });
});

describe('meeting rules', () => {
  it('has explicit lifecycles for meetings and minutes', () => {
    const none = { paragraphs: 0 };
    expect(checkAction(meetingLifecycle, 'planerat', 'notice', none).ok).toBe(true);
    expect(checkAction(meetingLifecycle, 'kallat', 'notice', none).ok).toBe(true); // again, after changes
    expect(checkAction(meetingLifecycle, 'installt', 'notice', none)).toMatchObject({ ok: false, kind: 'conflict' });
    expect(checkAction(meetingLifecycle, 'genomfort', 'cancel', none, 'x')).toMatchObject({ ok: false, kind: 'conflict' });
    // A meeting with minutes cannot be cancelled, and cancelling says why.
    expect(checkAction(meetingLifecycle, 'kallat', 'cancel', { paragraphs: 1 }, 'x')).toMatchObject({
      ok: false,
      kind: 'conflict',
    });
    expect(checkAction(meetingLifecycle, 'kallat', 'cancel', none, ' ')).toMatchObject({ ok: false, path: 'reason' });
    const facts = {
      meetingStatus: 'genomfort' as const,
      problems: [],
      alreadyApproved: false,
      othersPending: 1,
      today: '2027-03-10',
      meetingDate: '2027-03-10',
    };
    // Draft minutes cannot be approved; sent ones can, and the last approval locks them.
    expect(checkAction(minutesLifecycle, 'utkast', 'approve', facts).ok).toBe(false);
    expect(checkAction(minutesLifecycle, 'for-justering', 'approve', facts)).toMatchObject({ ok: true, to: 'for-justering' });
    expect(checkAction(minutesLifecycle, 'for-justering', 'approve', { ...facts, othersPending: 0 })).toMatchObject({
      ok: true,
      to: 'justerat',
    });
    expect(checkAction(minutesLifecycle, 'for-justering', 'approve', { ...facts, alreadyApproved: true })).toMatchObject({
      ok: false,
      kind: 'conflict',
    });
    expect(checkAction(minutesLifecycle, 'justerat', 'reopen', facts)).toMatchObject({ ok: false, kind: 'conflict' });
    expect(checkAction(minutesLifecycle, 'for-justering', 'reopen', facts).ok).toBe(true);
  });

  it('sends minutes only with paragraphs, adjusters and a text for every decision', () => {
    const facts = {
      meetingStatus: 'kallat' as const,
      alreadyApproved: false,
      othersPending: 0,
      today: '2027-03-10',
      meetingDate: '2027-03-10',
    };
    const problems = minutesProblems([{ number: 4, decisionKind: 'beslut', decisionText: ' ' }], 0);
    expect(problems.map((p) => p.path)).toEqual(['adjusters', 'paragraphs/4']);
    expect(checkAction(minutesLifecycle, 'utkast', 'submit', { ...facts, problems })).toMatchObject({
      ok: false,
      path: 'adjusters',
    });
    expect(minutesProblems([], 1).map((p) => p.path)).toEqual(['paragraphs']);
    expect(checkAction(minutesLifecycle, 'utkast', 'submit', { ...facts, problems: [] }).ok).toBe(true);
    expect(
      checkAction(minutesLifecycle, 'utkast', 'submit', { ...facts, meetingStatus: 'installt', problems: [] }),
    ).toMatchObject({
      ok: false,
      kind: 'conflict',
    });
  });

  it('neither sends nor approves minutes before the meeting day, on paper neither', () => {
    const early = {
      meetingStatus: 'kallat' as const,
      problems: [],
      alreadyApproved: false,
      othersPending: 0,
      today: '2027-03-09',
      meetingDate: '2027-03-10',
    };
    for (const [from, action] of [
      ['utkast', 'submit'],
      ['for-justering', 'approve'],
      ['for-justering', 'approve-on-paper'],
    ] as const) {
      expect(checkAction(minutesLifecycle, from, action, early)).toMatchObject({ ok: false, message: /före mötesdagen/ });
      expect(checkAction(minutesLifecycle, from, action, { ...early, today: '2027-03-10' }).ok).toBe(true);
    }
    // The last justering on paper locks the minutes as the last approval in Navet does.
    expect(checkAction(minutesLifecycle, 'for-justering', 'approve-on-paper', { ...early, today: '2027-03-12' })).toMatchObject({
      ok: true,
      to: 'justerat',
    });
  });

  it('keeps minutes with an item för beslut but no paragraph from justering, naming the item', () => {
    const agenda = [
      { id: 'a1', position: 1, title: 'Föregående protokoll', caseId: null, forBeslut: false },
      { id: 'a2', position: 2, title: 'Riktlinje för sepsis', caseId: 'c2', forBeslut: true },
      { id: 'a3', position: 3, title: 'Nationellt vårdprogram för KOL', caseId: 'c3', forBeslut: true },
    ];
    const paragraphs = [{ number: 7, decisionKind: 'beslut', decisionText: 'Godkänns.', agendaItemId: 'a3', caseId: 'c3' }];
    const problems = minutesProblems(paragraphs, 1, agenda);
    expect(problems).toEqual([
      {
        path: 'agenda/2',
        message: 'punkt 2 "Riktlinje för sepsis" är för beslut men saknar paragraf (skriv en § eller ta bort punkten)',
      },
    ]);
    // A § written for the case (not from the item) decides it too.
    expect(
      minutesProblems([...paragraphs, { ...paragraphs[0]!, number: 8, agendaItemId: null, caseId: 'c2' }], 1, agenda),
    ).toEqual([]);
  });

  it('derives what may still change from the declarations', () => {
    expect(minutesEditable({ status: 'genomfort', minutesStatus: 'utkast' })).toBe(true);
    expect(minutesEditable({ status: 'installt', minutesStatus: 'utkast' })).toBe(false);
    expect(minutesEditable({ status: 'genomfort', minutesStatus: 'for-justering' })).toBe(false);
    expect(minutesClosedReason({ status: 'genomfort', minutesStatus: 'justerat' })).toMatch(/justerat/);
    expect(attachmentsClosedReason({ status: 'genomfort', minutesStatus: 'for-justering' })).toBeNull();
    expect(attachmentsClosedReason({ status: 'genomfort', minutesStatus: 'justerat' })).toMatch(/låsta/);
    // The keeper is offered what the status allows: nothing once the meeting is held.
    expect(allowedActions(meetingLifecycle, 'planerat', { paragraphs: 0 })).toEqual(['notice', 'hold', 'cancel']);
    expect(allowedActions(meetingLifecycle, 'kallat', { paragraphs: 2 })).toEqual(['notice', 'hold']);
    expect(allowedActions(meetingLifecycle, 'genomfort', { paragraphs: 0 })).toEqual([]);
  });

  it('maps decisions to case statuses and cites paragraphs', () => {
    expect(caseStatusAfter('beslut')).toBe('beslutad');
    expect(caseStatusAfter('bordlagd')).toBe('bordlagd');
    expect(caseStatusAfter('information')).toBeUndefined();
    expect(paragraphReference('Kunskapsrådet', '2027-02-03', 4)).toBe('Kunskapsrådet 2027-02-03 § 4');
  });

  it('matches jäv restrictions by program area or knowledge support (case- and accent-insensitive)', () => {
    const r = [
      { programAreaId: 'hjarta-och-karl', note: 'Uppdrag för läkemedelsföretag' },
      { knowledgeSupport: 'Vårdförlopp Stroke', note: 'Författare' },
    ];
    expect(matchingRestrictions(r, { programAreaIds: ['hjarta-och-karl'], knowledgeSupports: [] })).toHaveLength(1);
    expect(matchingRestrictions(r, { programAreaIds: [], knowledgeSupports: ['vardforlopp stroke'] })).toEqual([r[1]]);
    expect(matchingRestrictions(r, { programAreaIds: ['akut-vard'], knowledgeSupports: ['Vårdförlopp höftfraktur'] })).toEqual(
      [],
    );
  });

  it('turns Swedish wall-clock time into UTC, summer time included', () => {
    expect(stockholmToUtc('2027-02-03', '13:00').toISOString()).toBe('2027-02-03T12:00:00.000Z');
    expect(stockholmToUtc('2027-06-30', '13:00').toISOString()).toBe('2027-06-30T11:00:00.000Z');
    expect(stockholmToUtc('2027-10-31', '09:30').toISOString()).toBe('2027-10-31T08:30:00.000Z');
  });
});
