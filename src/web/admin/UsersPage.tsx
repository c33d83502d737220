import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { CreateUserBody } from '../../modules/users/schemas';
import { ApiError, asApiError, type RoleAssignment } from '../api';
import { call, client, invalidate, type ApiBody } from '../client';
import { FormTextField, requiredFirst } from '../components/FormFields';
import { applyServerErrors, schemaResolver } from '../forms';
import { ErrorAlert, Loading, useErrorText } from '../components/Alerts';
import { Checkbox } from '../components/Fields';
import { Page } from '../components/Page';
import { useAllUsers, type User } from './users';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n';
import { loadHealthcareRegions, loadRegions } from '../organisation/reference';
import { TableScroll } from '../components/TableScroll';
import { Link } from '../app/router';

const SYSTEM_ADMIN: RoleAssignment = { role: 'admin', scopeType: 'system', scopeId: '' };

/** "Samordnare för kunskapsstyrning (Region Blekinge)": role and scope in words. */
export function useRoleLabel(): (r: RoleAssignment) => string {
  const { tMaybe } = useI18n();
  const names = useQuery({
    queryKey: ['reference', 'scope-names'],
    queryFn: async () => {
      const [regions, hrs] = await Promise.all([loadRegions(), loadHealthcareRegions()]);
      return new Map<string, string>([
        ...regions.map((x): [string, string] => [`region:${x.code}`, x.name]),
        ...hrs.map((x): [string, string] => [`healthcare-region:${x.id}`, x.name]),
      ]);
    },
    staleTime: Infinity,
  });
  return (r) => {
    const role = tMaybe(`role.${r.role}`) ?? r.role;
    if (r.scopeType === 'system') return `${role} (${tMaybe('scope.system') ?? r.scopeType})`;
    const scope = names.data?.get(`${r.scopeType}:${r.scopeId ?? ''}`);
    return `${role} (${scope ?? `${tMaybe(`scope.${r.scopeType}`) ?? r.scopeType} ${r.scopeId ?? ''}`})`;
  };
}

export function UsersPage() {
  const { t, formatDate } = useI18n();
  const errorText = useErrorText();
  const roleLabel = useRoleLabel();
  const { user: me } = useSession();
  const users = useAllUsers();
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string; n: number } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  const announce = (kind: 'success' | 'error', text: string) => setMessage((m) => ({ kind, text, n: (m?.n ?? 0) + 1 }));

  async function toggle(user: User) {
    setBusyId(user.id);
    try {
      const updated = await call(
        client.PATCH('/users/{id}', {
          params: { path: { id: user.id }, header: { 'if-match': `"${user.version}"` } },
          body: { disabled: !user.disabled },
        }),
      );
      announce('success', t(updated.disabled ? 'users.disabledDone' : 'users.enabledDone', { name: updated.name }));
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError({ status: 0, title: 'network' });
      announce('error', e.status === 409 ? `${errorText(e)} ${t('users.reloaded')}` : errorText(e));
    } finally {
      setBusyId(null);
      void invalidate('/users');
    }
  }

  return (
    <Page title={t('users.title')} crumbs={[{ to: '/', label: t('nav.start') }]} lead={<p>{t('users.lead')}</p>}>
      {message && (
        <div key={message.n} className={`alert alert-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          <p>{message.text}</p>
        </div>
      )}
      {users.error && <ErrorAlert error={users.error} />}
      {users.isPending && <Loading />}
      {users.data && (
        <TableScroll labelledBy="users-caption">
          <table>
            <caption id="users-caption">{t('users.caption', { count: users.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.col.name')}</th>
                <th scope="col">{t('users.col.email')}</th>
                <th scope="col">{t('users.col.roles')}</th>
                <th scope="col">{t('users.col.status')}</th>
                <th scope="col">{t('users.col.created')}</th>
                <th scope="col">{t('users.col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => (
                <tr key={u.id}>
                  <th scope="row">
                    {u.name}
                    {u.isDemo && <span className="badge badge-demo">{t('common.demo')}</span>}
                  </th>
                  <td>{u.email}</td>
                  <td>
                    {u.roles.length ? u.roles.map(roleLabel).join(', ') : <span className="muted">{t('users.noRoles')}</span>}{' '}
                    <Link to={`/admin/anvandare/${u.id}`} aria-label={t('userRoles.link', { name: u.name })}>
                      {t('userRoles.change')}
                    </Link>
                  </td>
                  <td>
                    <span className={`badge ${u.disabled ? 'badge-none' : 'badge-ok'}`}>
                      {u.disabled ? t('users.disabled') : t('users.active')}
                    </span>
                  </td>
                  <td>{formatDate(u.createdAt)}</td>
                  <td>
                    {u.id === me?.id ? (
                      // disabling yourself would lock you out mid-session
                      <span className="muted">{t('users.you')}</span>
                    ) : (
                      <button
                        type="button"
                        className="button-secondary button-small nowrap"
                        aria-disabled={busyId === u.id}
                        onClick={() => void (busyId === u.id ? null : toggle(u))}
                        aria-label={t(u.disabled ? 'users.enableFor' : 'users.disableFor', { name: u.name })}
                      >
                        {u.disabled ? t('users.enable') : t('users.disable')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <CreateUserForm
        onCreated={(u) => {
          announce('success', t('users.created', { name: u.name }));
          void invalidate('/users');
        }}
      />
    </Page>
  );
}

type NewUser = { name: string; email: string; password: string; admin: boolean };
const EMPTY_USER: NewUser = { name: '', email: '', password: '', admin: false };
const toUserBody = (v: NewUser): ApiBody<'/users', 'post'> => ({
  name: v.name.trim(),
  email: v.email.trim(),
  password: v.password,
  roles: v.admin ? [SYSTEM_ADMIN] : [],
});

function CreateUserForm({ onCreated }: { onCreated: (user: User) => void }) {
  const { t, lang } = useI18n();
  const errorText = useErrorText();
  const [error, setError] = useState<{ text: string; n: number } | null>(null);
  const form = useForm<NewUser>({
    defaultValues: EMPTY_USER,
    resolver: requiredFirst<NewUser>(
      {
        name: t('users.form.nameMissing'),
        email: t('users.form.emailMissing'),
        password: t('users.form.passwordMissing'),
      },
      schemaResolver(CreateUserBody, toUserBody, lang),
    ),
  });
  const { control, formState } = form;

  const submit = form.handleSubmit(
    async (values) => {
      setError(null);
      try {
        const created = await call(client.POST('/users', { body: toUserBody(values) }));
        form.reset(EMPTY_USER);
        onCreated(created);
        form.setFocus('name');
      } catch (err) {
        applyServerErrors(err, form.setError);
        setError((p) => ({ text: errorText(asApiError(err)), n: (p?.n ?? 0) + 1 }));
      }
    },
    () => setError((p) => ({ text: t('form.fixErrors'), n: (p?.n ?? 0) + 1 })),
  );

  return (
    <section aria-labelledby="create-user-heading" className="panel">
      <h2 id="create-user-heading">{t('users.form.heading')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {error && (
          <div key={error.n} className="alert alert-error" role="alert">
            <p>{error.text}</p>
          </div>
        )}
        <FormTextField control={control} name="name" id="new-user-name" label={t('users.col.name')} autoComplete="off" />
        <FormTextField
          control={control}
          name="email"
          id="new-user-email"
          label={t('users.col.email')}
          type="email"
          autoComplete="off"
        />
        <FormTextField
          control={control}
          name="password"
          id="new-user-password"
          label={t('users.form.password')}
          type="password"
          hint={t('users.form.passwordHint')}
          autoComplete="new-password"
        />
        <Controller
          control={control}
          name="admin"
          render={({ field }) => (
            <Checkbox id="new-user-admin" label={t('users.form.admin')} checked={field.value} onChange={field.onChange} />
          )}
        />
        <button type="submit" disabled={formState.isSubmitting}>
          {t('users.form.submit')}
        </button>
      </form>
    </section>
  );
}
