/**
 * One user's roles: what they hold, at which scope, and what each role lets them do. An
 * administrator gives a role at a scope (the whole system, a healthcare region, a region or a
 * group) and takes one away; both are one PATCH of the user's roles under If-Match, audited on
 * the server. The role vocabulary and its permissions come from the server's one policy.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { RoleAssignmentSchema } from '../../platform/auth/schemas';
import { asApiError, type ApiError, type RoleAssignment } from '../api';
import { $api, invalidate } from '../client';
import { ErrorAlert, Loading, useErrorText } from '../components/Alerts';
import { SelectField, TextField } from '../components/Fields';
import { bind, focusFirstError, withChecks } from '../components/form-fields';
import { schemaResolver } from '../forms';
import { Page } from '../components/Page';
import { TableScroll } from '../components/TableScroll';
import { useI18n } from '../i18n';
import { loadHealthcareRegions, loadRegions } from '../organisation/reference';
import { useRoleLabel } from './UsersPage';

type ScopeType = RoleAssignment['scopeType'];
const SCOPE_TYPES: readonly ScopeType[] = ['system', 'healthcare-region', 'region', 'group'];
const same = (a: RoleAssignment, b: RoleAssignment) =>
  a.role === b.role && a.scopeType === b.scopeType && a.scopeId === b.scopeId;

export function UserRolesPage({ id }: { id: string }) {
  const { t, tMaybe } = useI18n();
  const errorText = useErrorText();
  const roleLabel = useRoleLabel();
  const user = $api.useQuery('get', '/users/{id}', { params: { path: { id } } });
  const roles = $api.useQuery('get', '/roles');
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string; n: number } | null>(null);
  const patch = $api.useMutation('patch', '/users/{id}', {
    onSettled: () => Promise.all([invalidate('/users'), invalidate('/roles')]),
  });
  const busy = patch.isPending;
  const announce = (kind: 'success' | 'error', text: string) => setMessage((m) => ({ kind, text, n: (m?.n ?? 0) + 1 }));
  const u = user.data;

  /** Saves the whole list of roles; answers the server's error, or null when saved. */
  async function save(next: RoleAssignment[], done: string): Promise<ApiError | null> {
    if (!u) return null;
    try {
      await patch.mutateAsync({
        params: { path: { id: u.id }, header: { 'if-match': `"${u.version}"` } },
        body: { roles: next },
      });
      announce('success', done);
      return null;
    } catch (err) {
      const e = asApiError(err);
      announce('error', e.status === 409 ? `${errorText(e)} ${t('users.reloaded')}` : errorText(e));
      return e;
    }
  }

  const title = u ? t('userRoles.title', { name: u.name }) : t('common.loading');
  const crumbs = [
    { to: '/', label: t('nav.start') },
    { to: '/admin/anvandare', label: t('users.title') },
  ];
  const info = new Map((roles.data?.items ?? []).map((r) => [r.code, r]));
  return (
    <Page title={title} crumbs={crumbs} lead={<p>{t('userRoles.lead')}</p>}>
      {message && (
        <div key={message.n} className={`alert alert-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          <p>{message.text}</p>
        </div>
      )}
      {user.error && <ErrorAlert error={user.error} />}
      {user.isPending && <Loading />}
      {u && (
        <>
          <section aria-labelledby="held-heading">
            <h2 id="held-heading">{t('userRoles.held')}</h2>
            {u.roles.length === 0 ? (
              <p>{t('users.noRoles')}</p>
            ) : (
              <TableScroll labelledBy="held-caption">
                <table>
                  <caption id="held-caption" className="visually-hidden">
                    {t('userRoles.heldCaption', { name: u.name })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('userRoles.col.role')}</th>
                      <th scope="col">{t('userRoles.col.may')}</th>
                      <th scope="col">{t('users.col.action')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {u.roles.map((r) => (
                      <tr key={`${r.role}:${r.scopeType}:${r.scopeId}`}>
                        <th scope="row">{roleLabel(r)}</th>
                        <td>
                          {info
                            .get(r.role)
                            ?.permissions.map((p) => tMaybe(`permission.${p}`) ?? p)
                            .join(', ') ?? '–'}
                        </td>
                        <td>
                          <button
                            type="button"
                            className="button-secondary button-small nowrap"
                            aria-disabled={busy}
                            aria-label={t('userRoles.removeFor', { role: roleLabel(r) })}
                            onClick={() =>
                              void (busy
                                ? null
                                : save(
                                    u.roles.filter((x) => !same(x, r)),
                                    t('userRoles.removed', { role: roleLabel(r), name: u.name }),
                                  ))
                            }
                          >
                            {t('userRoles.remove')}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </section>
          <GiveRoleForm
            roles={roles.data?.items ?? []}
            busy={busy}
            onGive={(r) => {
              if (u.roles.some((x) => same(x, r))) {
                announce('error', t('userRoles.alreadyHeld', { role: roleLabel(r) }));
                return Promise.resolve(null);
              }
              return save([...u.roles, r], t('userRoles.given', { role: roleLabel(r), name: u.name }));
            }}
          />
        </>
      )}
    </Page>
  );
}

interface GiveValues {
  role: string;
  scopeType: ScopeType;
  scopeId: string;
}

const toAssignment = (v: GiveValues): RoleAssignment => ({
  role: v.role,
  scopeType: v.scopeType,
  scopeId: v.scopeType === 'system' ? '' : v.scopeId,
});

/** Gives one role at one scope; the role is checked by the schema of one of the PATCH's roles. */
function GiveRoleForm({
  roles,
  busy,
  onGive,
}: {
  roles: { code: string; label: string; holders: number }[];
  busy: boolean;
  onGive: (r: RoleAssignment) => Promise<ApiError | null>;
}) {
  const { t, tMaybe } = useI18n();
  const [groupQuery, setGroupQuery] = useState('');
  const form = useForm<GiveValues>({
    resolver: withChecks(schemaResolver(RoleAssignmentSchema, toAssignment), (v) => ({
      role: !v.role && t('userRoles.roleMissing'),
      scopeId: v.scopeType !== 'system' && !v.scopeId && t('userRoles.scopeMissing'),
    })),
    defaultValues: { role: '', scopeType: 'region', scopeId: '' },
  });
  const scopeType = form.watch('scopeType');
  const places = useQuery({
    queryKey: ['reference', 'scopes'],
    queryFn: async () => ({ regions: await loadRegions(), hrs: await loadHealthcareRegions() }),
    staleTime: Infinity,
  });
  const groups = $api.useQuery(
    'get',
    '/groups',
    { params: { query: { q: groupQuery.trim() || undefined, status: 'active', limit: 50 } } },
    { enabled: scopeType === 'group' },
  );
  const scopeOptions =
    scopeType === 'region'
      ? (places.data?.regions ?? []).map((r) => ({ value: r.code, label: r.name }))
      : scopeType === 'healthcare-region'
        ? (places.data?.hrs ?? []).map((h) => ({ value: h.id, label: h.name }))
        : (groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }));

  const submit = form.handleSubmit(
    async (v) => {
      const failed = await onGive(toAssignment(v));
      if (failed) {
        // the PATCH names the field inside the list of roles ("roles.3.scopeId")
        for (const x of failed.errors) {
          const field = x.path.replace(/^\/?roles[./]\d+[./]/, '');
          if (field === 'role' || field === 'scopeId') form.setError(field, { type: 'server', message: x.message });
        }
      } else {
        form.reset({ role: '', scopeType: v.scopeType, scopeId: '' });
      }
    },
    focusFirstError({ role: 'give-role', scopeId: 'give-scope' }),
  );

  return (
    <form aria-labelledby="give-heading" onSubmit={(e) => void (busy ? e.preventDefault() : submit(e))} noValidate>
      <h2 id="give-heading">{t('userRoles.give')}</h2>
      <SelectField
        id="give-role"
        label={t('userRoles.col.role')}
        {...bind(form, 'role')}
        placeholder={t('userRoles.choose')}
        options={roles.map((r) => ({ value: r.code, label: t('userRoles.option', { label: r.label, count: r.holders }) }))}
      />
      <SelectField
        id="give-scope-type"
        label={t('userRoles.scopeType')}
        {...bind(form, 'scopeType')}
        onChange={(v) => {
          form.setValue('scopeType', v as ScopeType, { shouldDirty: true });
          form.setValue('scopeId', '');
        }}
        options={SCOPE_TYPES.map((s) => ({ value: s, label: tMaybe(`userRoles.scope.${s}`) ?? s }))}
      />
      {scopeType === 'group' && (
        <TextField
          id="give-group-search"
          label={t('userRoles.groupSearch')}
          value={groupQuery}
          onChange={setGroupQuery}
          type="search"
        />
      )}
      {scopeType !== 'system' && (
        <SelectField
          id="give-scope"
          label={tMaybe(`userRoles.scope.${scopeType}`) ?? scopeType}
          {...bind(form, 'scopeId')}
          placeholder={t('userRoles.choose')}
          options={scopeOptions}
        />
      )}
      <p>
        <button type="submit" aria-disabled={busy || form.formState.isSubmitting}>
          {t('userRoles.giveSubmit')}
        </button>
      </p>
    </form>
  );
}
