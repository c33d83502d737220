/**
 * Registering or changing a knowledge support's implementation status in a region (or one
 * LPO): only the states the state machine allows next are offered, "ej aktuell" asks for a
 * reason, införd/uppföljd for the date it was done; the regional decision, the responsible
 * LPO, planned and actual dates and notes. A change someone else saved first (409) offers a
 * reload. Also the row's status history.
 */
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { CreateStatusBody, UpdateStatusBody } from '../../modules/implementation/schemas';
import { $api, type ApiBody } from '../client';
import { Combobox } from '../components/Combobox';
import { SelectField, TextAreaField, TextField } from '../components/Fields';
import { bind, orNull, withChecks } from '../components/form-fields';
import { loadCases, loadForums, loadParagraphs } from '../components/pickLists';
import { TableScroll } from '../components/TableScroll';
import { schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import { FORM_OPTIONS, FormProblem, useFormProblem, useProblemSubmit } from './form';
import { IMPLEMENTED, NOT_APPLICABLE, STATUSES, type ImplementationStatusRow, type Status } from './types';

interface Values {
  kind: 'implement' | 'phase-out';
  status: string;
  notApplicableReason: string;
  decisionDate: string;
  /** Where the decision was taken: a § in Navet, elsewhere (free text), or not yet. */
  decisionWhere: 'navet' | 'elsewhere' | 'none';
  decisionParagraphId: string;
  decisionElsewhere: string;
  decisionForumId: string;
  decisionCaseId: string;
  responsibleGroupId: string;
  plannedStart: string;
  plannedDone: string;
  actualStart: string;
  actualDone: string;
  notes: string;
}

const DATE_FIELDS = ['plannedStart', 'plannedDone', 'actualStart', 'actualDone'] as const;

function valuesOf(s: ImplementationStatusRow | null): Values {
  return {
    kind: s?.kind ?? 'implement',
    status: s?.status ?? '',
    notApplicableReason: s?.notApplicableReason ?? '',
    decisionDate: s?.decisionDate ?? '',
    decisionWhere: s?.decisionElsewhere ? 'elsewhere' : s?.decisionParagraphId ? 'navet' : 'none',
    decisionParagraphId: s?.decisionParagraphId ?? '',
    decisionElsewhere: s?.decisionElsewhere ?? '',
    decisionForumId: s?.decisionForumId ?? '',
    decisionCaseId: s?.decisionCaseId ?? '',
    responsibleGroupId: s?.responsibleGroupId ?? '',
    plannedStart: s?.plannedStart ?? '',
    plannedDone: s?.plannedDone ?? '',
    actualStart: s?.actualStart ?? '',
    actualDone: s?.actualDone ?? '',
    notes: s?.notes ?? '',
  };
}

export function StatusForm({
  current,
  create,
  groups,
  onSaved,
  onReload,
}: {
  /** The row being changed; null when the region has none yet (then `create` says for what). */
  current: ImplementationStatusRow | null;
  create: { supportVersionId: string; regionCode: string; groupId: string | null } | null;
  groups: { id: string; name: string }[];
  onSaved: (row: ImplementationStatusRow) => void;
  onReload: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const label = (key: string) => i18n.tMaybe(`followup.statusForm.${key}`) ?? key;
  const problem = useFormProblem('status', label);
  // The body the PATCH (or, for a first registration, the POST) sends, checked by that route's schema.
  const toBody = (v: Values): ApiBody<'/implementation-statuses/{id}', 'patch'> => ({
    kind: v.kind,
    status: v.status as Status,
    notApplicableReason: v.status === NOT_APPLICABLE ? v.notApplicableReason.trim() : null,
    decisionDate: orNull(v.decisionDate),
    decisionParagraphId: v.decisionWhere === 'navet' ? orNull(v.decisionParagraphId) : null,
    decisionElsewhere: v.decisionWhere === 'elsewhere' ? orNull(v.decisionElsewhere) : null,
    decisionForumId: orNull(v.decisionForumId),
    decisionCaseId: orNull(v.decisionCaseId),
    responsibleGroupId: orNull(v.responsibleGroupId),
    notes: orNull(v.notes),
    ...(Object.fromEntries(DATE_FIELDS.map((k) => [k, orNull(v[k])])) as Record<(typeof DATE_FIELDS)[number], string | null>),
  });
  const form = useForm<Values>({
    ...FORM_OPTIONS,
    resolver: withChecks(
      current
        ? schemaResolver(UpdateStatusBody, toBody)
        : schemaResolver(CreateStatusBody, (v: Values) => ({ ...create!, ...toBody(v) })),
      (v) => ({
        status: !v.status && t('followup.statusForm.chooseStatus'),
        notApplicableReason:
          v.status === NOT_APPLICABLE && !v.notApplicableReason.trim() && t('followup.statusForm.reasonNeeded'),
        decisionParagraphId: v.decisionWhere === 'navet' && !v.decisionParagraphId && t('followup.statusForm.chooseParagraph'),
        decisionElsewhere:
          v.decisionWhere === 'elsewhere' && !v.decisionElsewhere.trim() && t('followup.statusForm.describeElsewhere'),
      }),
    ),
    defaultValues: valuesOf(current),
  });
  const update = $api.useMutation('patch', '/implementation-statuses/{id}');
  const register = $api.useMutation('post', '/implementation-statuses');
  const status = form.watch('status');
  const decisionWhere = form.watch('decisionWhere');
  // The names of what the pick lists chose, shown in their fields (the form holds the ids).
  const [names, setNames] = useState({
    paragraph: current?.decisionParagraphRef ?? '',
    forum: current?.decisionForumId ? (current.decisionForum ?? '') : '',
    case: current?.decisionCaseId ? (current.decisionCaseRef ?? '') : '',
  });

  // A first registration may record any state (work done before Navet); a change offers what the
  // server's lifecycle allows the caller now (the status's allowedActions).
  const options: Status[] = current ? [current.status, ...current.allowedActions] : [...STATUSES];
  const implemented = IMPLEMENTED.has(status as Status);

  const submit = useProblemSubmit(form, problem, async (v) => {
    const body = toBody(v);
    const saved = current
      ? await update.mutateAsync({
          params: { path: { id: current.id }, header: { 'if-match': `"${current.version}"` } },
          body,
        })
      : await register.mutateAsync({ body: { ...create!, ...body, status: v.status as Status } });
    onSaved(saved);
  });

  const field = (k: keyof Values) => ({ id: `status-${k}`, label: label(k), ...bind(form, k) });

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="status-form-heading">
      <h2 id="status-form-heading">{current ? t('followup.statusForm.change') : t('followup.statusForm.register')}</h2>
      <FormProblem state={problem} onReload={onReload} />
      <SelectField {...field('status')} hint={current ? t('followup.statusForm.statusHint') : t('followup.statusForm.firstHint')}>
        {!current && <option value="">{t('followup.statusForm.choose')}</option>}
        {options.map((s) => (
          <option key={s} value={s}>
            {t(`followup.status.${s}`)}
            {current && s === current.status ? ` (${t('followup.statusForm.now')})` : ''}
          </option>
        ))}
      </SelectField>
      {status === NOT_APPLICABLE && <TextAreaField {...field('notApplicableReason')} rows={2} required />}
      <SelectField {...field('kind')} hint={t('followup.statusForm.kindHint')}>
        <option value="implement">{t('followup.statusForm.kind.implement')}</option>
        <option value="phase-out">{t('followup.statusForm.kind.phase-out')}</option>
      </SelectField>
      <fieldset>
        <legend>{t('followup.statusForm.decision')}</legend>
        <SelectField {...field('decisionWhere')}>
          <option value="none">{t('followup.statusForm.where.none')}</option>
          <option value="navet">{t('followup.statusForm.where.navet')}</option>
          <option value="elsewhere">{t('followup.statusForm.where.elsewhere')}</option>
        </SelectField>
        {decisionWhere === 'navet' && (
          <Combobox
            {...field('decisionParagraphId')}
            cacheKey="paragraphs"
            load={loadParagraphs}
            selectedLabel={names.paragraph}
            hint={t('followup.statusForm.paragraphHint')}
            required
            onChange={(id, o) => {
              form.setValue('decisionParagraphId', id, { shouldDirty: true });
              setNames((n) => ({ ...n, paragraph: o?.label ?? '' }));
            }}
          />
        )}
        {decisionWhere === 'elsewhere' && (
          <TextField {...field('decisionElsewhere')} hint={t('followup.statusForm.elsewhereHint')} />
        )}
        <TextField {...field('decisionDate')} type="date" />
        <Combobox
          {...field('decisionForumId')}
          cacheKey="forums"
          load={loadForums}
          selectedLabel={names.forum}
          hint={
            current?.legacyDecisionForum
              ? t('followup.statusForm.legacy', { text: current.legacyDecisionForum })
              : decisionWhere === 'navet'
                ? t('followup.statusForm.fromParagraph')
                : undefined
          }
          onChange={(id, o) => {
            form.setValue('decisionForumId', id, { shouldDirty: true });
            setNames((n) => ({ ...n, forum: o?.label ?? '' }));
          }}
        />
        <Combobox
          {...field('decisionCaseId')}
          cacheKey="cases"
          load={loadCases}
          selectedLabel={names.case}
          hint={
            current?.legacyDecisionCaseRef
              ? t('followup.statusForm.legacy', { text: current.legacyDecisionCaseRef })
              : t('followup.statusForm.caseHint')
          }
          onChange={(id, o) => {
            form.setValue('decisionCaseId', id, { shouldDirty: true });
            setNames((n) => ({ ...n, case: o?.label ?? '' }));
          }}
        />
      </fieldset>
      <SelectField {...field('responsibleGroupId')}>
        <option value="">{t('followup.statusForm.noGroup')}</option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </SelectField>
      <fieldset>
        <legend>{t('followup.statusForm.dates')}</legend>
        <TextField {...field('plannedStart')} type="date" />
        <TextField {...field('plannedDone')} type="date" />
        <TextField {...field('actualStart')} type="date" />
        <TextField
          {...field('actualDone')}
          type="date"
          hint={implemented ? t('followup.statusForm.actualDoneHint') : undefined}
          required={implemented}
        />
      </fieldset>
      <TextAreaField {...field('notes')} rows={3} />
      <p className="button-row">
        <button type="submit" disabled={form.formState.isSubmitting}>
          {current ? t('followup.statusForm.save') : t('followup.statusForm.create')}
        </button>
      </p>
    </form>
  );
}

export function StatusHistory({ statusId, n }: { statusId: string; n: number }) {
  const { t, formatDate } = useI18n();
  const h = $api.useQuery('get', '/implementation-statuses/{id}/history', { params: { path: { id: statusId } } });
  const { refetch } = h;
  useEffect(() => {
    if (n > 0) void refetch();
  }, [n, refetch]);
  if (!h.data) return null;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('followup.statusForm.history')}</h2>
      <TableScroll labelledBy="history-caption">
        <table>
          <caption id="history-caption" className="visually-hidden">
            {t('followup.statusForm.history')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('followup.statusForm.validFrom')}</th>
              <th scope="col">{t('followup.statusForm.status')}</th>
            </tr>
          </thead>
          <tbody>
            {h.data.items.map((i) => (
              <tr key={`${i.validFrom}-${i.recordedAt}`}>
                <td className="nowrap">{formatDate(i.validFrom)}</td>
                <td>{t(`followup.status.${i.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
