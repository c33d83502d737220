import { describe, expect, it } from 'vitest';
import { afterActivity, clockFrom, warningAt, type SessionStatus } from './timeout';

const T0 = Date.parse('2026-11-26T10:00:00Z');
const status: SessionStatus = {
  idleMinutes: 30,
  idleExpiresAt: '2026-11-26T10:30:00Z',
  absoluteExpiresAt: '2026-11-26T18:00:00Z',
  serverTime: '2026-11-26T10:00:00Z',
  method: 'password',
};
const min = 60_000;

describe('the session-timeout warning', () => {
  it('moves the server’s ends onto the browser’s clock, so a PC clock that is 7 minutes fast still warns in time', () => {
    const c = clockFrom(status, T0 + 7 * min);
    expect(c.idleEnd).toBe(T0 + 37 * min);
    expect(warningAt(c, T0 + 34 * min, false)).toEqual({ kind: 'none' });
    expect(warningAt(c, T0 + 35.5 * min, false)).toEqual({ kind: 'idle', msLeft: 1.5 * min });
  });

  it('warns two minutes before the idle end, and says expired at it', () => {
    const c = clockFrom(status, T0);
    expect(warningAt(c, T0 + 27.9 * min, false).kind).toBe('none');
    expect(warningAt(c, T0 + 28.5 * min, false)).toEqual({ kind: 'idle', msLeft: 1.5 * min });
    expect(warningAt(c, T0 + 30 * min, false).kind).toBe('expired');
  });

  it('counts use: activity moves the idle end, but never past the absolute end', () => {
    const c = afterActivity(clockFrom(status, T0), T0 + 20 * min);
    expect(c.idleEnd).toBe(T0 + 50 * min);
    const late = afterActivity(c, T0 + 7.9 * 60 * min);
    expect(late.idleEnd).toBe(late.absoluteEnd);
  });

  it('before the absolute end offers no "continue", only a notice that can be acknowledged', () => {
    const c = afterActivity(clockFrom(status, T0), T0 + 7.95 * 60 * min); // 3 minutes before 18:00
    const w = warningAt(c, T0 + 7.95 * 60 * min, false);
    expect(w).toEqual({ kind: 'absolute', msLeft: 3 * min });
    expect(warningAt(c, T0 + 7.95 * 60 * min, true)).toEqual({ kind: 'none' });
    expect(warningAt(c, T0 + 8 * 60 * min, true)).toEqual({ kind: 'expired' });
  });
});
