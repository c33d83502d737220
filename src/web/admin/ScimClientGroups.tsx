/**
 * A SCIM client's directory groups (administrators): which group gives which role in Navet, the
 * form that sets it, and the groups the directory has provisioned with their members.
 */
import { useEffect, useId, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { SetScimGroupRolesBody } from '../../modules/scim/schemas';
import { $api, invalidate, type Schema } from '../client';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { SelectField } from '../components/Fields';
import { FormTextField } from '../components/FormFields';
import { bind } from '../components/form-fields';
import { TableScroll } from '../components/TableScroll';
import { SubmitError, useFormSubmit } from '../form-submit';
import { schemaResolver } from '../forms';
import { useT } from '../i18n';

type Client = Schema<'ScimClient'>;
type Mapping = Schema<'ScimClientGroups'>['groupRoles'][number];
interface Values {
  groupRoles: Mapping[];
}

const scopeText = (m: Pick<Mapping, 'scopeType' | 'scopeId'>) => (m.scopeType === 'system' ? '' : ` (${m.scopeId})`);

export function ScimClientGroups({ client }: { client: Client }) {
  const t = useT();
  const captionId = useId();
  const data = $api.useQuery('get', '/scim-clients/{id}/groups', { params: { path: { id: client.id } } });
  const roles = $api.useQuery('get', '/roles');
  const roleLabel = (code: string) => roles.data?.items.find((r) => r.code === code)?.label ?? code;
  const groups = data.data?.groups ?? [];
  return (
    <section className="panel" aria-labelledby={`scim-groups-${client.id}`}>
      <h2 id={`scim-groups-${client.id}`}>{t('scimGroups.heading', { name: client.name })}</h2>
      <p className="hint">{t('scimGroups.lead')}</p>
      {data.error && <ErrorAlert error={data.error} />}
      {data.isPending && <Loading />}
      {data.data && groups.length === 0 && <p>{t('scimGroups.none')}</p>}
      {groups.length > 0 && (
        <TableScroll labelledBy={captionId}>
          <table className="data-table">
            <caption id={captionId}>{t('scimGroups.caption', { name: client.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('scimGroups.col.group')}</th>
                <th scope="col">{t('scimGroups.col.gives')}</th>
                <th scope="col">{t('scimGroups.col.members')}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.id}>
                  <th scope="row">{g.displayName}</th>
                  <td>
                    {g.roles.length
                      ? g.roles.map((r) => `${roleLabel(r.role)}${scopeText(r)}`).join(', ')
                      : t('scimGroups.noRole')}
                  </td>
                  <td>{g.members.length ? g.members.map((m) => m.name).join(', ') : t('scimGroups.noMembers')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {data.data && (
        <MappingForm
          client={client}
          version={data.data.version}
          mappings={data.data.groupRoles}
          roles={(roles.data?.items ?? []).filter((r) => r.code !== 'admin').map((r) => ({ value: r.code, label: r.label }))}
        />
      )}
    </section>
  );
}

function MappingForm({
  client,
  version,
  mappings,
  roles,
}: {
  client: Client;
  version: number;
  mappings: Mapping[];
  roles: { value: string; label: string }[];
}) {
  const t = useT();
  const [saved, setSaved] = useState(false);
  const toBody = (v: Values) => ({
    version,
    groupRoles: v.groupRoles.map((m) => ({
      ...m,
      group: m.group.trim(),
      scopeId: m.scopeType === 'system' ? '' : m.scopeId.trim(),
    })),
  });
  const form = useForm<Values>({
    resolver: schemaResolver(SetScimGroupRolesBody, toBody),
    defaultValues: { groupRoles: mappings },
  });
  useEffect(() => form.reset({ groupRoles: mappings }), [mappings, form]);
  const rows = useFieldArray({ control: form.control, name: 'groupRoles', keyName: 'key' });
  const put = $api.useMutation('put', '/scim-clients/{id}/group-roles', {
    // the groups, and the client list too: the mapping moves the client's version, which rotate sends
    onSuccess: () => invalidate('/scim-clients'),
  });
  const submit = useFormSubmit(form, async (v) => {
    setSaved(false);
    await put.mutateAsync({ params: { path: { id: client.id } }, body: toBody(v) });
    setSaved(true);
  });
  const scopes = [
    { value: 'region', label: t('scimGroups.scope.region') },
    { value: 'healthcare-region', label: t('scimGroups.scope.healthcareRegion') },
    { value: 'system', label: t('scimGroups.scope.system') },
  ];
  const base = `scim-map-${client.id}`;
  return (
    <form className="form form-wide" onSubmit={submit} noValidate aria-labelledby={`${base}-heading`}>
      <h3 id={`${base}-heading`}>{t('scimGroups.form.heading')}</h3>
      <p className="hint">{t('scimGroups.form.lead')}</p>
      <SubmitError error={put.error} />
      {saved && (
        <Notice kind="success" live>
          <p>{t('scimGroups.form.saved')}</p>
        </Notice>
      )}
      {rows.fields.length === 0 && <p>{t('scimGroups.form.empty')}</p>}
      {rows.fields.map((row, i) => (
        <fieldset key={row.key} className="fieldset-inline">
          <legend>{t('scimGroups.form.row', { n: i + 1 })}</legend>
          <FormTextField
            id={`${base}-${i}-group`}
            label={t('scimGroups.form.group')}
            hint={t('scimGroups.form.groupHint')}
            control={form.control}
            name={`groupRoles.${i}.group`}
          />
          <SelectField
            id={`${base}-${i}-role`}
            label={t('scimGroups.form.role')}
            options={roles}
            {...bind(form, `groupRoles.${i}.role`)}
          />
          <SelectField
            id={`${base}-${i}-scopeType`}
            label={t('scimGroups.form.scopeType')}
            options={scopes}
            {...bind(form, `groupRoles.${i}.scopeType`)}
          />
          {form.watch(`groupRoles.${i}.scopeType`) !== 'system' && (
            <FormTextField
              id={`${base}-${i}-scopeId`}
              label={t('scimGroups.form.scopeId')}
              hint={t('scimGroups.form.scopeIdHint')}
              control={form.control}
              name={`groupRoles.${i}.scopeId`}
            />
          )}
          <button type="button" className="button-secondary button-small" onClick={() => rows.remove(i)}>
            {t('scimGroups.form.remove', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <div className="button-row">
        <button
          type="button"
          className="button-secondary"
          onClick={() =>
            rows.append({ group: '', role: roles[0]?.value ?? 'lasare', scopeType: 'region', scopeId: client.owner })
          }
        >
          {t('scimGroups.form.add')}
        </button>
        <button type="submit" disabled={form.formState.isSubmitting}>
          {t('scimGroups.form.submit')}
        </button>
      </div>
    </form>
  );
}
