import { beforeAll, describe, expect, it } from 'vitest';
import { toICalendar, toTimedICalendar } from '../src/modules/consultation/rules/ical.js';
import { buildForumMember, buildGroup, buildUser } from '../src/testing/builders.js';
import { useTestApp, type Session } from './helpers/app.js';

/**
 * A strict reading of RFC 5545 as a calendar client does it: CRLF line ends, lines of at most
 * 75 octets folded with a leading space, NAME[;PARAMS]:VALUE properties, balanced components,
 * the required properties, and TEXT values with , ; \ escaped. Returns the events.
 */
function parseICalendar(ics: string): Record<string, string>[] {
  expect(ics.endsWith('\r\n')).toBe(true);
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const physical = ics.slice(0, -2).split('\r\n');
  for (const line of physical) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  const stack: string[] = [];
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  let calendar: Record<string, string> = {};
  for (const line of lines) {
    const m = /^([A-Z][A-Z0-9-]*)((?:;[A-Z-]+=[^:;]+)*):(.*)$/.exec(line);
    expect(m, `malformed line: ${line}`).not.toBeNull();
    const [, name, , value] = m!;
    if (name === 'BEGIN') {
      stack.push(value!);
      if (value === 'VEVENT') current = {};
      continue;
    }
    if (name === 'END') {
      expect(stack.pop()).toBe(value);
      if (value === 'VEVENT') events.push(current!);
      current = undefined;
      continue;
    }
    if (['SUMMARY', 'LOCATION', 'DESCRIPTION', 'X-WR-CALNAME'].includes(name!)) {
      // every , ; \ in a TEXT value is escaped, and only n , ; \ follow a backslash
      expect(value!.replace(/\\[\\;,nN]/g, ''), `${name} escaping`).not.toMatch(/[\\;,]/);
    }
    if (current) current[name!] = value!;
    else calendar = { ...calendar, [name!]: value! };
  }
  expect(stack).toEqual([]);
  expect(calendar.VERSION).toBe('2.0');
  expect(calendar.PRODID).toBeTruthy();
  for (const e of events) for (const required of ['UID', 'DTSTAMP', 'DTSTART']) expect(e[required], required).toBeTruthy();
  return events;
}

describe('the iCalendar generator', () => {
  it('keeps the consultation calendar exactly as before', () => {
    const out = toICalendar(
      'Nationell remisskalender 2027',
      [{ uid: 'remiss-2027-02-15@navet', summary: 'Öppen nationell remiss', start: '2027-02-15', endInclusive: '2027-04-14' }],
      new Date('2026-11-26T10:00:00Z'),
    );
    expect(out).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Navet//Kunskapsstyrning//SV',
        'CALSCALE:GREGORIAN',
        'X-WR-CALNAME:Nationell remisskalender 2027',
        'BEGIN:VEVENT',
        'UID:remiss-2027-02-15@navet',
        'DTSTAMP:20261126T100000Z',
        'DTSTART;VALUE=DATE:20270215',
        'DTEND;VALUE=DATE:20270415',
        'SUMMARY:Öppen nationell remiss',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });

  it('folds long lines at 75 octets without splitting a Swedish letter, and escapes text', () => {
    const out = toTimedICalendar(
      'Möten',
      [
        {
          uid: 'x@navet',
          summary: 'Kunskapsrådet; extra, med "citat" och \\ snedstreck',
          start: new Date('2027-02-03T12:00:00Z'),
          end: new Date('2027-02-03T14:00:00Z'),
          sequence: 2,
          status: 'CONFIRMED',
          location: 'Regionhuset, sal Å; plan 2',
          description: `${'Föredragningslista med åäö '.repeat(8)}\r\nrad två`,
          url: 'https://navet.example.se/moten/moten/1',
        },
      ],
      new Date('2026-11-26T10:00:00Z'),
    );
    const [e] = parseICalendar(out);
    expect(e!.SUMMARY).toBe('Kunskapsrådet\\; extra\\, med "citat" och \\\\ snedstreck');
    expect(e!.LOCATION).toBe('Regionhuset\\, sal Å\\; plan 2');
    expect(e!.DESCRIPTION).toContain('\\nrad två');
    expect(e!.DTSTART).toBe('20270203T120000Z');
    expect(e!.SEQUENCE).toBe('2');
    expect(out).toMatch(/\r\n [^\r\n]/); // something was folded
    expect(out).not.toContain('\uFFFD');
  });
});

const t = useTestApp({ publicUrl: 'https://navet.example.se' });
let forumId: string;
let meetingId: string;
let memberSession: Session;
let secretary: Session;

beforeAll(async () => {
  forumId = (await buildGroup(t.db, { kind: 'forum', level: 'region', owner: '10', name: 'Beredningsforum, Blekinge' })).id;
  const sek = await buildForumMember(t.db, { groupId: forumId, role: 'sekreterare' });
  const member = await buildForumMember(t.db, { groupId: forumId, role: 'ledamot' });
  await buildUser(t.db, { email: sek.email! });
  await buildUser(t.db, { email: member.email! });
  secretary = await t.login(sek.email!);
  memberSession = await t.login(member.email!);
  const res = await t.request({
    method: 'POST',
    url: `/api/v1/forums/${forumId}/meetings`,
    payload: {
      date: '2027-03-10',
      startTime: '09:00',
      endTime: '11:30',
      place: 'Regionhuset, sal 3; Karlskrona',
      onlineUrl: 'https://meet.example.se/abc',
    },
    as: secretary,
  });
  meetingId = res.json().id;
});

describe('calendar feeds', () => {
  const forumFeed = async () => {
    const res = await t.request({ method: 'GET', url: `/api/v1/forums/${forumId}/calendar.ics` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    return parseICalendar(res.body);
  };

  it('publishes a forum’s meetings with stable UIDs, Swedish time in UTC, a link back and no meeting link', async () => {
    const [e] = await forumFeed();
    expect(e).toMatchObject({
      UID: `meeting-${meetingId}@navet`,
      DTSTART: '20270310T080000Z',
      DTEND: '20270310T103000Z',
      SEQUENCE: '0',
      STATUS: 'TENTATIVE',
      SUMMARY: 'Beredningsforum\\, Blekinge',
      LOCATION: 'Regionhuset\\, sal 3\\; Karlskrona',
      URL: `https://navet.example.se/moten/moten/${meetingId}`,
    });
    expect(e!.DESCRIPTION).not.toContain('meet.example.se');
    expect((await forumFeed())[0]!.UID).toBe(e!.UID);
  });

  it('raises SEQUENCE on every change and marks a cancelled meeting CANCELLED', async () => {
    const detail = (await t.request({ method: 'GET', url: `/api/v1/meetings/${meetingId}`, as: secretary })).json();
    const moved = await t.request({
      method: 'PATCH',
      url: `/api/v1/meetings/${meetingId}`,
      payload: { startTime: '10:00', version: detail.meeting.version },
      as: secretary,
    });
    expect(moved.statusCode).toBe(200);
    let [e] = await forumFeed();
    expect(e).toMatchObject({ SEQUENCE: '1', DTSTART: '20270310T090000Z' });
    expect(
      (
        await t.request({
          method: 'PATCH',
          url: `/api/v1/meetings/${meetingId}`,
          payload: { startTime: '10:00', version: detail.meeting.version },
          as: secretary,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await t.request({
          method: 'PATCH',
          url: `/api/v1/meetings/${meetingId}`,
          payload: { startTime: '10:00', version: moved.json().version },
          as: memberSession,
        })
      ).statusCode,
    ).toBe(403);
    const cancelled = await t.request({
      method: 'POST',
      url: `/api/v1/meetings/${meetingId}/cancel`,
      payload: { reason: 'För få ärenden', version: moved.json().version },
      as: secretary,
    });
    expect(cancelled.statusCode).toBe(200);
    [e] = await forumFeed();
    expect(e).toMatchObject({ SEQUENCE: '2', STATUS: 'CANCELLED', SUMMARY: 'Inställt: Beredningsforum\\, Blekinge' });
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/meetings/${meetingId}/notice`,
          payload: { version: cancelled.json().version },
          as: secretary,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('gives each person a secret, revocable feed of the meetings they are called to', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/calendar-feed', as: memberSession })).json().active).toBe(false);
    const made = await t.request({ method: 'POST', url: '/api/v1/calendar-feed', as: memberSession });
    expect(made.statusCode).toBe(201);
    const { url, token } = made.json();
    expect(url).toBe(`https://navet.example.se/api/v1/calendar-feeds/${token}`);
    const stored = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM calendar_feed_tokens');
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
    const feed = await t.request({ method: 'GET', url: `/api/v1/calendar-feeds/${token}` });
    expect(feed.statusCode).toBe(200);
    const events = parseICalendar(feed.body);
    expect(events.map((e) => e.UID)).toEqual([`meeting-${meetingId}@navet`]);
    expect(events[0]!.STATUS).toBe('CANCELLED');
    // Someone else's feed does not show this forum: a user without a person record gets an empty one.
    const stranger = await t.newUser();
    const theirs = (await t.request({ method: 'POST', url: '/api/v1/calendar-feed', as: stranger })).json();
    expect(parseICalendar((await t.request({ method: 'GET', url: `/api/v1/calendar-feeds/${theirs.token}` })).body)).toEqual([]);
    // A new address replaces the old; revoking ends it.
    const second = (await t.request({ method: 'POST', url: '/api/v1/calendar-feed', as: memberSession })).json();
    expect((await t.request({ method: 'GET', url: `/api/v1/calendar-feeds/${token}` })).statusCode).toBe(404);
    expect((await t.request({ method: 'DELETE', url: '/api/v1/calendar-feed', as: memberSession })).statusCode).toBe(204);
    expect((await t.request({ method: 'GET', url: `/api/v1/calendar-feeds/${second.token}` })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/v1/calendar-feeds/nvc_gissat' })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: '/api/v1/calendar-feed' })).statusCode).toBe(401);
  });

  it('shows the meeting link to those called, in their personal feed', async () => {
    const m = await t.request({
      method: 'POST',
      url: `/api/v1/forums/${forumId}/meetings`,
      payload: { date: '2027-04-14', onlineUrl: 'https://meet.example.se/xyz' },
      as: secretary,
    });
    const { token } = (await t.request({ method: 'POST', url: '/api/v1/calendar-feed', as: memberSession })).json();
    const events = parseICalendar((await t.request({ method: 'GET', url: `/api/v1/calendar-feeds/${token}` })).body);
    const e = events.find((x) => x.UID === `meeting-${m.json().id}@navet`)!;
    expect(e.DESCRIPTION).toContain('https://meet.example.se/xyz');
  });
});
