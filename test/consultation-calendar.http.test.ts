import { describe, expect, it } from 'vitest';
import { problem, useTestApp } from './helpers/app.js';

const t = useTestApp();

describe('GET /api/v1/consultation-calendar', () => {
  it('answers exactly as the API contract says, ordered by date', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/consultation-calendar?year=2027' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['nationalRemiss', 'synpunktsinhamtning', 'year']);
    expect(body.year).toBe(2027);
    expect(body.synpunktsinhamtning).toHaveLength(8);
    expect(body.nationalRemiss).toEqual([
      { opens: '2027-02-15', closes: '2027-04-14' },
      { opens: '2027-04-15', closes: '2027-06-14' },
      { opens: '2027-09-15', closes: '2027-11-12' },
      { opens: '2027-11-15', closes: '2028-02-14' },
    ]);
    expect(body.synpunktsinhamtning[1]).toEqual({ opens: '2027-03-01', closes: '2027-03-25' });
  });

  it('refuses a missing or malformed year with 400', async () => {
    expect(problem(await t.request({ method: 'GET', url: '/api/v1/consultation-calendar' })).status).toBe(400);
    expect(problem(await t.request({ method: 'GET', url: '/api/v1/consultation-calendar?year=tjugo' })).status).toBe(400);
    expect(
      problem(await t.request({ method: 'GET', url: '/api/v1/consultation-calendar?year=1850' })).body.errors?.[0]?.path,
    ).toBe('year');
  });

  it('exports the year as iCalendar with all-day events', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/consultation-calendar.ics?year=2027' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    expect(res.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(res.body.match(/BEGIN:VEVENT/g)).toHaveLength(12);
    expect(res.body).toContain('DTSTART;VALUE=DATE:20271115\r\nDTEND;VALUE=DATE:20280215');
    expect(res.body).toContain('SUMMARY:Synpunktsinhämtning');
  });
});
