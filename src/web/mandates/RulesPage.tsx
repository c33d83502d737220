/**
 * Sammansättningsregler (administrators): the rules per kind and level of group, or for one
 * named group — required roles with min/max, seats per region or healthcare region, mandate
 * length and rotation. One form adds a rule or replaces the chosen one.
 */
import { useState } from 'react';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { RULE_TYPES, RuleBody as RuleBodySchema, RulePatchBody } from '../../modules/mandates/schemas';
import { ApiError } from '../api';
import { $api, invalidate, type ApiBody } from '../client';
import { ErrorAlert, Loading } from '../components/Alerts';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../components/Fields';
import { FormErrorSummary } from '../components/FormErrors';
import { bind, errorItems, withChecks } from '../components/form-fields';
import { Page } from '../components/Page';
import { TableScroll } from '../components/TableScroll';
import { useFocusReturn } from '../form-submit';
import { applyServerErrors, schemaResolver } from '../forms';
import { useI18n, type MessageKey } from '../i18n';
import { KINDS, kindLabel } from '../organisation/groups';
import { asApiError, roleLabel, serverFieldErrors, useFormSummary } from '../people/people';
import { MEMBERSHIP_ROLES } from '../../shared/vocabularies';
import { ruleTypeLabel, type Rule } from './mandates';

const LEVELS = ['national', 'healthcare-region', 'region'];

interface Draft {
  groupKind: string;
  groupLevel: string;
  groupOwner: string;
  groupKey: string;
  programAreaIds: string;
  ruleType: (typeof RULE_TYPES)[number];
  roles: string[];
  minCount: string;
  maxCount: string;
  regionCounts: string;
  years: string;
  regionOrder: string;
  anchorDate: string;
  relatedGroupKey: string;
  /** A rotation that follows another rule keeps following it (its order is the other rule's). */
  followsRuleId: string;
  description: string;
  sourceId: string;
}

const EMPTY: Draft = {
  groupKind: '',
  groupLevel: '',
  groupOwner: '',
  groupKey: '',
  programAreaIds: '',
  ruleType: 'role-count',
  roles: [],
  minCount: '',
  maxCount: '',
  regionCounts: '',
  years: '',
  regionOrder: '',
  anchorDate: '',
  relatedGroupKey: '',
  followsRuleId: '',
  description: '',
  sourceId: '',
};

const toDraft = (r: Rule): Draft => ({
  groupKind: r.groupKind ?? '',
  groupLevel: r.groupLevel ?? '',
  groupOwner: r.groupOwner ?? '',
  groupKey: r.groupKey ?? '',
  programAreaIds: r.programAreaIds.join(', '),
  ruleType: r.ruleType as Draft['ruleType'],
  roles: r.roles,
  minCount: r.minCount?.toString() ?? '',
  maxCount: r.maxCount?.toString() ?? '',
  regionCounts: Object.entries(r.regionCounts)
    .map(([k, v]) => `${k}=${v}`)
    .join(', '),
  years: r.years?.toString() ?? '',
  regionOrder: r.regionOrder.join(', '),
  anchorDate: r.anchorDate ?? '',
  relatedGroupKey: r.relatedGroupKey ?? '',
  followsRuleId: r.followsRuleId ?? '',
  description: r.description,
  sourceId: r.sourceId ?? '',
});

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
const num = (s: string) => (s.trim() === '' ? null : Number(s));

type RuleBody = ApiBody<'/composition-rules', 'post'>;

function toBody(d: Draft): RuleBody {
  return {
    groupKind: (d.groupKind || null) as RuleBody['groupKind'],
    groupLevel: (d.groupLevel || null) as RuleBody['groupLevel'],
    groupOwner: d.groupOwner.trim() || null,
    groupKey: d.groupKey.trim() || null,
    programAreaIds: list(d.programAreaIds),
    ruleType: d.ruleType,
    roles: d.roles as RuleBody['roles'],
    minCount: num(d.minCount),
    maxCount: num(d.maxCount),
    regionCounts: Object.fromEntries(
      d.regionCounts
        .split(',')
        .map((x) => x.split('=').map((y) => y.trim()))
        .filter((p) => p.length === 2 && p[0])
        .map((p): [string, number] => [p[0] ?? '', Number(p[1])]),
    ),
    years: num(d.years),
    // A following rotation has no order of its own: the one shown is the followed rule's.
    regionOrder: d.followsRuleId ? [] : list(d.regionOrder),
    anchorDate: d.followsRuleId ? null : d.anchorDate || null,
    relatedGroupKey: d.relatedGroupKey.trim() || null,
    followsRuleId: d.followsRuleId || null,
    description: d.description,
    sourceId: d.sourceId.trim() || null,
  };
}

/**
 * Every field of the form is a field of the body; a list's or a map's entries are written in one
 * field ('programAreaIds.2', 'regionCounts.12' → that field), so an error goes to the field.
 */
const fieldOf = (path: string) => path.replace(/^\//, '').split(/[./]/)[0] ?? path;

function errorsOnFields(resolver: Resolver<Draft>): Resolver<Draft> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    const errors: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(result.errors)) errors[fieldOf(k)] ??= e;
    return Object.keys(errors).length ? { values: {}, errors: errors as FieldErrors<Draft> } : result;
  };
}

const LABELS: Record<string, MessageKey> = {
  ruleType: 'mandates.rules.type',
  groupKind: 'mandates.rules.kind',
  groupLevel: 'mandates.rules.level',
  groupOwner: 'mandates.rules.owner',
  groupKey: 'mandates.rules.key',
  programAreaIds: 'mandates.rules.programAreas',
  roles: 'mandates.rules.roles',
  regionCounts: 'mandates.rules.regionCounts',
  sourceId: 'mandates.rules.source',
  minCount: 'mandates.rules.min',
  maxCount: 'mandates.rules.max',
  years: 'mandates.rules.years',
  regionOrder: 'mandates.rules.regionOrder',
  anchorDate: 'mandates.rules.anchor',
  relatedGroupKey: 'mandates.rules.relatedGroupKey',
  description: 'mandates.rules.description',
};

export function RulesPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const rules = $api.useQuery('get', '/composition-rules');
  const [editing, setEditing] = useState<Rule | null>(null);
  const [message, setMessage] = useState<{ text: string; n: number } | null>(null);
  const summary = useFormSummary();
  const label = (k: string) => (LABELS[k] ? t(LABELS[k]) : k);
  const form = useForm<Draft>({
    resolver: errorsOnFields(
      withChecks(
        editing
          ? schemaResolver(RulePatchBody, (d: Draft) => ({ ...toBody(d), version: editing.version }))
          : schemaResolver(RuleBodySchema, toBody),
        (d) => ({ description: !d.description.trim() && t('mandates.rules.descriptionMissing') }),
      ),
    ),
    defaultValues: EMPTY,
  });
  const create = $api.useMutation('post', '/composition-rules');
  const update = $api.useMutation('patch', '/composition-rules/{id}');
  const del = $api.useMutation('delete', '/composition-rules/{id}');
  const rememberFocus = useFocusReturn(form.formState.isSubmitting);
  const say = (text: string) => setMessage((m) => ({ text, n: (m?.n ?? 0) + 1 }));
  const roles = form.watch('roles');

  function edit(r: Rule | null) {
    setEditing(r);
    form.reset(r ? toDraft(r) : EMPTY);
    summary.clear();
    document.getElementById('rule-form-heading')?.scrollIntoView();
  }

  const submit = form.handleSubmit(
    async (d) => {
      try {
        if (editing)
          await update.mutateAsync({
            params: { path: { id: editing.id } },
            body: { ...toBody(d), version: editing.version },
          });
        else await create.mutateAsync({ body: toBody(d) });
        say(t(editing ? 'mandates.rules.saved' : 'mandates.rules.created'));
        edit(null);
        void invalidate('/composition-rules');
      } catch (err) {
        const e = asApiError(err);
        const apiError = new ApiError({ ...e, errors: e.errors.map((x) => ({ ...x, path: fieldOf(x.path) })) });
        applyServerErrors(apiError, form.setError);
        summary.show(apiError, serverFieldErrors(apiError, 'rule', label).items);
      }
    },
    (errors) => summary.showText(t('form.fixErrors'), errorItems(errors, 'rule', label)),
  );

  async function remove(r: Rule) {
    try {
      await del.mutateAsync({ params: { path: { id: r.id } }, headers: { 'If-Match': `"${r.version}"` } });
      say(t('mandates.rules.deleted'));
      void invalidate('/composition-rules');
    } catch (err) {
      summary.show(asApiError(err));
    }
  }

  const scope = (r: Rule) =>
    [
      r.groupKind ? kindLabel(i18n, r.groupKind) : null,
      r.groupLevel ? i18n.tMaybe(`group.level.${r.groupLevel}`) : null,
      r.groupOwner,
      r.groupKey,
      r.programAreaIds.length ? t('mandates.rules.programAreasList', { areas: r.programAreaIds.join(', ') }) : null,
    ]
      .filter(Boolean)
      .join(', ');

  return (
    <Page
      title={t('mandates.rules.title')}
      crumbs={[{ to: '/', label: t('nav.start') }]}
      lead={<p>{t('mandates.rules.lead')}</p>}
    >
      {message && (
        <div key={message.n} className="alert alert-success" role="status">
          <p>{message.text}</p>
        </div>
      )}
      {rules.error && <ErrorAlert error={rules.error} />}
      {rules.isPending && <Loading />}
      {rules.data && (
        <TableScroll labelledBy="rules-caption">
          <table>
            <caption id="rules-caption">{t('mandates.rules.caption', { count: rules.data.items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mandates.rules.appliesTo')}</th>
                <th scope="col">{t('mandates.rules.type')}</th>
                <th scope="col">{t('mandates.rules.description')}</th>
                <th scope="col">{t('mandates.rules.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rules.data.items.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{scope(r)}</th>
                  <td>
                    {ruleTypeLabel(i18n, r.ruleType)}
                    {r.roles.length > 0 && (
                      <span className="muted"> ({r.roles.map((x) => roleLabel(i18n, x).toLowerCase()).join(', ')})</span>
                    )}
                  </td>
                  <td>
                    {r.description}
                    {r.sourceId && <span className="muted"> – {r.sourceId}</span>}
                  </td>
                  <td>
                    <button type="button" className="button-small" onClick={() => edit(r)}>
                      {t('mandates.rules.edit')}
                      <span className="visually-hidden"> {r.description}</span>
                    </button>{' '}
                    <button type="button" className="button-small button-secondary" onClick={() => void remove(r)}>
                      {t('mandates.rules.delete')}
                      <span className="visually-hidden"> {r.description}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <div className="panel">
        <h2 id="rule-form-heading">{t(editing ? 'mandates.rules.editHeading' : 'mandates.rules.newHeading')}</h2>
        <form
          className="form"
          aria-labelledby="rule-form-heading"
          onSubmit={(e) => {
            rememberFocus();
            void submit(e);
          }}
          noValidate
        >
          {summary.summary && <FormErrorSummary {...summary.summary} />}
          <SelectField id="rule-ruleType" label={t('mandates.rules.type')} {...bind(form, 'ruleType')}>
            {RULE_TYPES.map((x) => (
              <option key={x} value={x}>
                {ruleTypeLabel(i18n, x)}
              </option>
            ))}
          </SelectField>
          <SelectField id="rule-groupKind" label={t('mandates.rules.kind')} {...bind(form, 'groupKind')}>
            <option value="">{t('mandates.rules.any')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(i18n, k)}
              </option>
            ))}
          </SelectField>
          <SelectField id="rule-groupLevel" label={t('mandates.rules.level')} {...bind(form, 'groupLevel')}>
            <option value="">{t('mandates.rules.any')}</option>
            {LEVELS.map((k) => (
              <option key={k} value={k}>
                {i18n.tMaybe(`group.level.${k}`) ?? k}
              </option>
            ))}
          </SelectField>
          <TextField
            id="rule-groupOwner"
            label={t('mandates.rules.owner')}
            hint={t('mandates.rules.ownerHint')}
            {...bind(form, 'groupOwner')}
          />
          <TextField
            id="rule-groupKey"
            label={t('mandates.rules.key')}
            hint={t('mandates.rules.keyHint')}
            {...bind(form, 'groupKey')}
          />
          <TextField
            id="rule-programAreaIds"
            label={t('mandates.rules.programAreas')}
            hint={t('mandates.rules.programAreasHint')}
            {...bind(form, 'programAreaIds')}
          />
          <CheckboxGroup
            id="rule-roles"
            legend={t('mandates.rules.roles')}
            options={MEMBERSHIP_ROLES.map((r) => ({ value: r, label: roleLabel(i18n, r) }))}
            value={roles}
            onChange={(v) => form.setValue('roles', v, { shouldDirty: true })}
            error={form.formState.errors.roles?.message}
          />
          <TextField id="rule-minCount" label={t('mandates.rules.min')} inputMode="numeric" {...bind(form, 'minCount')} />
          <TextField id="rule-maxCount" label={t('mandates.rules.max')} inputMode="numeric" {...bind(form, 'maxCount')} />
          <TextField
            id="rule-regionCounts"
            label={t('mandates.rules.regionCounts')}
            hint={t('mandates.rules.regionCountsHint')}
            {...bind(form, 'regionCounts')}
          />
          <TextField id="rule-years" label={t('mandates.rules.years')} inputMode="numeric" {...bind(form, 'years')} />
          <TextField
            id="rule-regionOrder"
            label={t('mandates.rules.regionOrder')}
            hint={t('mandates.rules.regionOrderHint')}
            {...bind(form, 'regionOrder')}
          />
          {form.watch('followsRuleId') ? (
            <p className="muted">{t('mandates.rules.follows')}</p>
          ) : (
            <TextField id="rule-anchorDate" label={t('mandates.rules.anchor')} type="date" {...bind(form, 'anchorDate')} />
          )}
          <TextField
            id="rule-relatedGroupKey"
            label={t('mandates.rules.relatedGroupKey')}
            hint={t('mandates.rules.relatedGroupKeyHint')}
            {...bind(form, 'relatedGroupKey')}
          />
          <TextAreaField id="rule-description" label={t('mandates.rules.description')} {...bind(form, 'description')} />
          <TextField id="rule-sourceId" label={t('mandates.rules.source')} {...bind(form, 'sourceId')} />
          <button type="submit" disabled={form.formState.isSubmitting}>
            {t(editing ? 'mandates.rules.save' : 'mandates.rules.create')}
          </button>{' '}
          {editing && (
            <button type="button" className="button-secondary" onClick={() => edit(null)}>
              {t('mandates.rules.cancel')}
            </button>
          )}
        </form>
      </div>
    </Page>
  );
}
