import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

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
});
