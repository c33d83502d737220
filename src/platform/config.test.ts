import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { rateLimitsFrom } from './http/rate-limit.js';

describe('configuration from the environment', () => {
  it('has working defaults for the two-command start', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      demo: true,
      secureCookies: false,
      reminderDays: [90, 30],
    });
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });
  it('reads switches and lists, and refuses nonsense with a message naming the variable', () => {
    const c = loadConfig({ NAVET_DEMO: '0', NAVET_REMINDER_DAYS: '30, 90,7', NAVET_PUBLIC_URL: 'https://navet.example.se' });
    expect(c).toMatchObject({ demo: false, reminderDays: [90, 30, 7], secureCookies: true });
    expect(() => loadConfig({ NAVET_REMINDER_DAYS: '90,x' })).toThrow(/NAVET_REMINDER_DAYS/);
    expect(() => loadConfig({ PORT: 'åttio' })).toThrow(/PORT/);
  });
  it('reads the CORS origins: a list of origins or *, nonsense refused', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ NAVET_CORS_ORIGINS: 'https://Intranat.region.se/, http://localhost:8080' }).corsOrigins).toEqual([
      'https://intranat.region.se',
      'http://localhost:8080',
    ]);
    expect(loadConfig({ NAVET_CORS_ORIGINS: '*' }).corsOrigins).toEqual(['*']);
    expect(() => loadConfig({ NAVET_CORS_ORIGINS: 'intranat.region.se/sida' })).toThrow(/NAVET_CORS_ORIGINS/);
  });
  it('reads the rate limits of search, export and open data as max/seconds, 0 for none, nonsense refused', () => {
    expect(loadConfig({}).rateLimits).toEqual({
      search: { max: 120, windowSeconds: 60 },
      export: { max: 30, windowSeconds: 300 },
      openData: { max: 60, windowSeconds: 60 },
    });
    const c = loadConfig({
      NAVET_RATE_LIMIT_SEARCH: ' 600 / 60 ',
      NAVET_RATE_LIMIT_EXPORT: '0',
      NAVET_RATE_LIMIT_OPEN_DATA: '5/1',
    });
    expect(c.rateLimits).toEqual({
      search: { max: 600, windowSeconds: 60 },
      export: undefined,
      openData: { max: 5, windowSeconds: 1 },
    });
    // The routes' table keeps each limit's bucket and switches the one set to 0 off.
    const table = rateLimitsFrom(c);
    expect(table.search).toMatchObject({ bucket: 'search', max: 600, windowSeconds: 60, onlyWithQuery: 'q' });
    expect(table.export).toBeUndefined();
    expect(table['open-data']).toMatchObject({ bucket: 'open-data', max: 5, windowSeconds: 1 });
    for (const bad of ['120', '120/0', 'x/60', '-1/60']) {
      expect(() => loadConfig({ NAVET_RATE_LIMIT_SEARCH: bad })).toThrow(/NAVET_RATE_LIMIT_SEARCH/);
    }
  });
});
