/**
 * Warns before the session ends (WCAG 2.2.1 Timing Adjustable): two minutes before the idle
 * timeout the person may extend it with one action; before the absolute end, which cannot be
 * extended, they are told in time to save their work. The server decides; this asks it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { onApiActivity } from '../api';
import { call, client } from '../client';
import { useSession } from '../auth/session';
import { useT } from '../i18n';
import { afterActivity, clockFrom, warningAt, type SessionClock } from './timeout';

const RECHECK_MS = 20_000;

export function SessionTimeout() {
  const t = useT();
  const { user, refresh, signOut } = useSession();
  const [clock, setClock] = useState<SessionClock | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [acknowledged, setAcknowledged] = useState(false);
  const lastCheck = useRef(0);
  const primary = useRef<HTMLButtonElement>(null);

  const check = useCallback(async () => {
    lastCheck.current = Date.now();
    try {
      setClock(clockFrom(await call(client.GET('/auth/session')), Date.now()));
    } catch {
      setClock(null); // an API token, or the session is gone
    }
  }, []);

  useEffect(() => {
    setClock(null);
    if (!user) return;
    void check();
    const stop = onApiActivity(() => setClock((c) => (c ? afterActivity(c, Date.now()) : c)));
    const tick = window.setInterval(() => setNow(Date.now()), 1_000);
    return () => {
      stop();
      window.clearInterval(tick);
    };
  }, [user, check]);

  const warning = clock ? warningAt(clock, now, acknowledged) : ({ kind: 'none' } as const);

  useEffect(() => {
    if (!clock) return;
    if (warning.kind === 'expired') {
      setClock(null);
      void refresh(); // the server answers 401 and the page asks the person to sign in again
    } else if (warning.kind === 'idle' && Date.now() - lastCheck.current > RECHECK_MS) {
      void check(); // work in another tab may have kept the session alive
    }
  }, [clock, warning.kind, now, check, refresh]);

  const open = warning.kind === 'idle' || warning.kind === 'absolute';
  useEffect(() => {
    if (open) primary.current?.focus();
  }, [open]);

  if (warning.kind !== 'idle' && warning.kind !== 'absolute') return null;

  const seconds = Math.max(0, Math.ceil(warning.msLeft / 1000));
  const time =
    seconds > 90 ? t('trust.timeout.minutes', { n: Math.ceil(seconds / 60) }) : t('trust.timeout.seconds', { n: seconds });

  async function extend() {
    try {
      setClock(clockFrom(await call(client.POST('/auth/session/extend')), Date.now()));
    } catch {
      void refresh();
    }
  }

  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="session-timeout-title"
        aria-describedby="session-timeout-text"
        data-testid="session-timeout"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && warning.kind === 'idle') void extend();
        }}
      >
        <h2 id="session-timeout-title">{t('trust.timeout.title')}</h2>
        <p id="session-timeout-text">
          {warning.kind === 'absolute' ? t('trust.timeout.absolute', { time }) : t('trust.timeout.idle', { time })}
        </p>
        <div className="button-row">
          {warning.kind === 'idle' ? (
            <button type="button" ref={primary} onClick={() => void extend()}>
              {t('trust.timeout.extend')}
            </button>
          ) : (
            <button type="button" ref={primary} onClick={() => setAcknowledged(true)}>
              {t('trust.timeout.ok')}
            </button>
          )}
          <button type="button" className="button-secondary" onClick={() => void signOut()}>
            {t('trust.timeout.signOut')}
          </button>
        </div>
      </div>
    </div>
  );
}
