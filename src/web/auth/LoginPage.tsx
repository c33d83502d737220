import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { LoginBody } from '../../platform/auth/schemas';
import { ApiError } from '../api';
import { $api } from '../client';
import { Link, navigate, useLocation } from '../app/router';
import { useErrorText } from '../components/Alerts';
import { FormTextField, requiredFirst } from '../components/FormFields';
import { schemaResolver } from '../forms';
import { Page } from '../components/Page';
import { useI18n, useT } from '../i18n';
import { useSession } from './session';

/** Only same-site paths are followed after sign-in (no open redirect). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

interface LoginValues {
  email: string;
  password: string;
}

const toLoginBody = (v: LoginValues) => ({ email: v.email.trim(), password: v.password });

/**
 * The sign-in form. Used as the /logga-in page and inline in place of a page that needs a
 * signed-in user (then `inline` is set and the page shows itself once signed in).
 */
export function LoginPage({ inline = false, expired = false }: { inline?: boolean; expired?: boolean }) {
  const t = useT();
  const errorText = useErrorText();
  const { signIn, user, signOut } = useSession();
  const { search } = useLocation();
  const form = useForm<LoginValues>({
    resolver: requiredFirst(
      { email: t('auth.emailMissing'), password: t('auth.passwordMissing') },
      schemaResolver(LoginBody, toLoginBody),
    ),
    defaultValues: { email: '', password: '' },
    // the first field to fill in takes focus below, after the alert is shown
    shouldFocusError: false,
  });
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const busy = form.formState.isSubmitting;
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

  const submit = form.handleSubmit(
    async (v) => {
      setAttempt((n) => n + 1);
      setError(null);
      try {
        const body = toLoginBody(v);
        await signIn(body.email, body.password);
        if (!inline) navigate(next, { replace: true });
      } catch (err) {
        setError(err instanceof ApiError ? errorText(err) : t('error.network'));
        form.setValue('password', '');
        form.setFocus('email');
      }
    },
    (errors) => {
      setAttempt((n) => n + 1);
      setError(t('auth.fillIn'));
      // keyboard users land on the first field to fill in (its error is tied to it)
      form.setFocus(errors.email ? 'email' : 'password');
    },
  );

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
          <FormTextField
            control={form.control}
            name="email"
            id="login-email"
            label={t('auth.email')}
            type="email"
            autoComplete="username"
          />
          <FormTextField
            control={form.control}
            name="password"
            id="login-password"
            label={t('auth.password')}
            type="password"
            autoComplete="current-password"
          />
          <button type="submit" disabled={busy}>
            {busy ? t('auth.signingIn') : t('auth.submit')}
          </button>
        </form>
      )}
    </Page>
  );
}
