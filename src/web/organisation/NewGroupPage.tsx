import { useState, type FormEvent } from 'react';
import { ApiError, type Group } from '../api';
import { call, client, type ApiBody } from '../client';
import { navigate, useLocation } from '../app/router';
import { ErrorAlert, Loading, useErrorText } from '../components/Alerts';
import { SelectField, TextAreaField } from '../components/Fields';
import { FormErrorSummary, type FormErrorItem } from '../components/FormErrors';
import { Page } from '../components/Page';
import { useAsync } from '../components/useAsync';
import { useI18n } from '../i18n';
import { EMPTY_FIELDS, errorsFor, GroupFields, toBody, type GroupFieldValues } from './GroupFields';
import { groupHref, KINDS, kindLabel, LEVELS, levelLabel, loadGroups, structureHref, useGeo } from './groups';
import { useOrgCrumbs } from './OrganisationPage';

/** "Ny grupp": any group at any level; the server checks the structure's rules and says which is broken. */
export function NewGroupPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const errorText = useErrorText();
  const { search } = useLocation();
  const geo = useGeo(t);
  const initialOwner = search.get('agare') ?? '';
  const [kind, setKind] = useState(search.get('typ') ?? 'program-area');
  const [level, setLevel] = useState('');
  const [owner, setOwner] = useState(initialOwner);
  const [values, setValues] = useState<GroupFieldValues>(EMPTY_FIELDS);
  const [mandate, setMandate] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<{ text: string; items: FormErrorItem[]; n: number } | null>(null);
  const [busy, setBusy] = useState(false);

  // the level follows the owner given in the address, once the owners are known
  const effectiveLevel = level || (initialOwner && geo.data?.levelOf(initialOwner)) || '';
  const ownerGroups = useAsync(
    (signal) => (owner ? loadGroups({ owner, status: 'active' }, signal) : Promise.resolve([] as Group[])),
    [owner],
  );

  const crumbs = [...useOrgCrumbs(), { to: structureHref(owner || 'national'), label: t('structure.title') }];

  function fail(text: string, byField: Record<string, string>, items: FormErrorItem[]) {
    setErrors(byField);
    setSummary((s) => ({ text, items, n: (s?.n ?? 0) + 1 }));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!effectiveLevel) missing.level = t('group.error.levelMissing');
    if (!owner) missing.owner = t('group.error.ownerMissing');
    if (!values.name.trim()) missing.name = t('group.error.nameMissing');
    if (Object.keys(missing).length > 0) {
      fail(
        t('form.fixErrors'),
        missing,
        Object.entries(missing).map(([field, message]) => ({
          fieldId: `new-${field}`,
          label: i18n.tMaybe(`group.field.${field}`) ?? field,
          message,
        })),
      );
      return;
    }
    setBusy(true);
    try {
      const body = toBody(values);
      const created = await call(
        client.POST('/groups', {
          body: {
            kind,
            level: effectiveLevel,
            owner,
            name: body.name,
            ...(body.shortName ? { shortName: body.shortName } : {}),
            programAreaIds: body.programAreaIds,
            ...(body.parentGroupId ? { parentGroupId: body.parentGroupId, parentRelation: body.parentRelation } : {}),
            isSubGroup: body.isSubGroup,
            ...(body.contactEmail ? { contactEmail: body.contactEmail } : {}),
            ...(body.hostDescription ? { hostDescription: body.hostDescription } : {}),
            ...(body.startDate ? { startDate: body.startDate } : {}),
            ...(mandate.trim() ? { mandate } : {}),
          } as ApiBody<'/groups', 'post'>,
        }),
      );
      navigate(`${groupHref(created.id)}?skapad=1`);
    } catch (err) {
      const apiError = err instanceof ApiError ? err : new ApiError({ status: 0, title: 'network' });
      const { byField, items } = errorsFor(i18n, 'new', apiError);
      fail(items.length > 0 ? t('form.fixErrors') : errorText(apiError), byField, items);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t('newGroup.title')} crumbs={crumbs} lead={<p>{t('newGroup.lead')}</p>}>
      {geo.error && <ErrorAlert error={geo.error} />}
      {geo.loading && !geo.data && <Loading />}
      {geo.data && (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          {summary && <FormErrorSummary text={summary.text} items={summary.items} n={summary.n} />}
          <SelectField id="new-kind" label={t('group.field.kind')} value={kind} onChange={setKind} error={errors.kind}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(i18n, k)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="new-level"
            label={t('group.field.level')}
            value={effectiveLevel}
            onChange={(v) => {
              setLevel(v);
              setOwner(v === 'national' ? 'national' : '');
            }}
            error={errors.level}
          >
            <option value="">{t('group.chooseLevel')}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {levelLabel(i18n, l)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="new-owner"
            label={t('group.field.owner')}
            hint={t('group.hint.owner')}
            value={owner}
            onChange={(v) => {
              setOwner(v);
              setValues((prev) => ({ ...prev, parentGroupId: '' }));
            }}
            error={errors.owner}
            disabled={!effectiveLevel}
          >
            <option value="">{t('group.chooseOwner')}</option>
            {geo.data.ownersOf(effectiveLevel).map((o) => (
              <option key={o.owner} value={o.owner}>
                {o.name}
              </option>
            ))}
          </SelectField>
          <GroupFields
            prefix="new"
            values={values}
            onChange={(patch) => setValues((prev) => ({ ...prev, ...patch }))}
            errors={errors}
            geo={geo.data}
            ownerGroups={!owner ? [] : ownerGroups.loading ? undefined : ownerGroups.data}
            kind={kind}
          />
          <TextAreaField
            id="new-mandate"
            label={t('group.field.mandate')}
            hint={t('mandate.hint')}
            value={mandate}
            onChange={setMandate}
            error={errors.mandate}
            rows={8}
          />
          <button type="submit" disabled={busy}>
            {t('newGroup.submit')}
          </button>
        </form>
      )}
    </Page>
  );
}
