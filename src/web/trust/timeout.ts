/**
 * The session clock as the browser keeps it: the server's idle and absolute ends, moved onto
 * the browser's own clock (a wrong PC clock must not hide the warning), and what to show.
 */
import type { ApiResponse } from '../client';

export type SessionStatus = ApiResponse<'/auth/session'>;

export interface SessionClock {
  idleMinutes: number;
  /** Local epoch milliseconds. */
  idleEnd: number;
  absoluteEnd: number;
}

export const WARN_BEFORE_MS = 2 * 60_000;
export const ABSOLUTE_WARN_BEFORE_MS = 5 * 60_000;

export function clockFrom(s: SessionStatus, localNow: number): SessionClock {
  const skew = localNow - Date.parse(s.serverTime);
  return {
    idleMinutes: s.idleMinutes,
    idleEnd: Date.parse(s.idleExpiresAt) + skew,
    absoluteEnd: Date.parse(s.absoluteExpiresAt) + skew,
  };
}

/** Any answered request counts as use: the idle end moves, never past the absolute end. */
export function afterActivity(c: SessionClock, localNow: number): SessionClock {
  return { ...c, idleEnd: Math.min(c.absoluteEnd, Math.max(c.idleEnd, localNow + c.idleMinutes * 60_000)) };
}

export type Warning = { kind: 'none' } | { kind: 'expired' } | { kind: 'idle' | 'absolute'; msLeft: number };

/**
 * The absolute end wins when it comes first (it cannot be extended, so offering "continue"
 * would mislead); it is shown once, five minutes before, and acknowledged.
 */
export function warningAt(c: SessionClock, localNow: number, absoluteAcknowledged: boolean): Warning {
  const idleLeft = c.idleEnd - localNow;
  const absoluteLeft = c.absoluteEnd - localNow;
  if (idleLeft <= 0 || absoluteLeft <= 0) return { kind: 'expired' };
  if (absoluteLeft <= idleLeft + 1_000) {
    return absoluteLeft < ABSOLUTE_WARN_BEFORE_MS && !absoluteAcknowledged
      ? { kind: 'absolute', msLeft: absoluteLeft }
      : { kind: 'none' };
  }
  return idleLeft < WARN_BEFORE_MS ? { kind: 'idle', msLeft: idleLeft } : { kind: 'none' };
}
