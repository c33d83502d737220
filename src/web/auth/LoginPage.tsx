import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { $api } from '../client';
import { Link, navigate, useLocation } from '../app/router';
import { useErrorText } from '../components/Alerts';
import { TextField } from '../components/Fields';
import { Page } from '../components/Page';
import { useI18n, useT } from '../i18n';
import { useSession } from './session';

/** Only same-site paths are followed after sign-in (no open redirect). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

/**
 * The sign-in form. Used as the /logga-in page and inline in place of a page that needs a
 * signed-in user (then `inline` is set and the page shows itself once signed in).
 */
export function LoginPage({ inline = false, expired = false }: { inline?: boolean; expired?: boolean }) {
  const t = useT();
  const errorText = useErrorText();
  const { signIn, user, signOut } = useSession();
  const { search } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const next = safeNext(search.get('next'));
  const { tMaybe } = useI18n();
  const providers = $api.useQuery('get', '/auth/providers');
  const oidc = providers.data?.oidc ?? null;
  const passwordOn = providers.data?.password ?? true;
  const failure = search.get('inloggningsfel');
  const failureText = failure ? (tMaybe(`trust.login.error.${failure}`) ?? t('trust.login.error.token-rejected')) : null;

  if (user && !inline) {
    return (
      <Page title={t('auth.title')}>
        <p>{t('auth.alreadySignedIn', { name: user.name })}</p>
        <p>
          <Link to="/">{t('notBuilt.backToStart')}</Link>
        </p>
        <button type="button" className="button-secondary" onClick={() => void signOut()}>
          {t('header.signOut')}
        </button>
      </Page>
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const m: { email?: string; password?: string } = {};
    if (!email.trim()) m.email = t('auth.emailMissing');
    if (!password) m.password = t('auth.passwordMissing');
    setMissing(m);
    setAttempt((n) => n + 1);
    if (m.email || m.password) {
      setError(t('auth.fillIn'));
      // keyboard users land on the first field to fill in (its error is tied to it)
      (m.email ? emailRef.current : passwordRef.current)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
      if (!inline) navigate(next, { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? errorText(err) : t('error.network'));
      setPassword('');
      emailRef.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t('auth.title')}>
      {inline && <p className="lead">{expired ? t('auth.expired') : t('auth.needSignIn')}</p>}
      {failureText && (
        <div className="alert alert-error" role="alert" data-testid="oidc-error">
          <p>{failureText}</p>
        </div>
      )}
      {oidc && (
        <p>
          <a
            className="button"
            href={`${oidc.loginUrl}?returnTo=${encodeURIComponent(inline ? window.location.pathname : next)}`}
          >
            {t('trust.login.oidc', { name: oidc.name })}
          </a>
        </p>
      )}
      {oidc && !passwordOn && <p className="hint">{t('trust.login.passwordOff', { name: oidc.name })}</p>}
      {oidc && passwordOn && <h2 className="login-or">{t('trust.login.or')}</h2>}
      {passwordOn && (
        <form className="form narrow" onSubmit={(e) => void submit(e)} noValidate aria-describedby="login-help">
          <p id="login-help" className="hint">
            {t('auth.help')}
          </p>
          {error && (
            // keyed by attempt so that the same message is announced again on a new failure
            <div key={attempt} className="alert alert-error" role="alert" data-testid="login-error">
              <p>{error}</p>
            </div>
          )}
          <TextField
            id="login-email"
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            value={email}
            onChange={setEmail}
            error={missing.email}
            ref={emailRef}
          />
          <TextField
            id="login-password"
            label={t('auth.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={missing.password}
            ref={passwordRef}
          />
          <button type="submit" disabled={busy}>
            {busy ? t('auth.signingIn') : t('auth.submit')}
          </button>
        </form>
      )}
    </Page>
  );
}
