/**
 * PDSA cycles of an indicator, per region: the list with the text of each step, a new cycle
 * (plan), and moving a cycle one step at a time (plan → do → study → act → closed) writing the
 * step's text on the way. People with pdsa.write in the cycle's region get the forms.
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { CreatePdsaBody, UpdatePdsaBody } from '../../modules/planning/schemas';
import type { Region } from '../api';
import { navigate, useLocation } from '../app/router';
import { $api, invalidate, type ApiBody } from '../client';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { SelectField, TextAreaField, TextField } from '../components/Fields';
import { bind, orNull, withChecks } from '../components/form-fields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { useAsync } from '../components/useAsync';
import { schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import { loadRegions } from '../organisation/reference';
import { usePlanningPermissions } from './permissions';
import { FOLLOWUP_PATH, indicatorHref } from './FollowupHomePage';
import { FORM_OPTIONS, FormProblem, useFormProblem, useProblemSubmit } from './form';
import type { Pdsa, PdsaPhase } from './types';

export const pdsaHref = (indicatorId: string) => `${indicatorHref(indicatorId)}/pdsa`;
const STEPS = ['plan', 'do', 'study', 'act'] as const;
type Step = (typeof STEPS)[number];

interface NewValues {
  title: string;
  regionCode: string;
  plan: string;
  startedOn: string;
}

/** A cycle's texts (the form writes the current step's) and whether the save moves it on. */
type StepValues = Record<Step, string> & { advance: boolean };

export function PdsaPage({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <RequireUser title={t('followup.pdsa.titleLoading')} crumbs={[{ to: FOLLOWUP_PATH, label: t('followup.home.title') }]}>
      <PdsaList id={id} />
    </RequireUser>
  );
}

function PdsaList({ id }: { id: string }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const region = search.get('region') ?? '';
  const access = usePlanningPermissions();
  const [message, setMessage] = useState<string | null>(null);
  const indicator = $api.useQuery('get', '/indicators/{id}', { params: { path: { id } } });
  const cycles = $api.useQuery('get', '/indicators/{id}/pdsa-cycles', {
    params: { path: { id }, query: region ? { region } : {} },
  });
  const regions = useAsync(() => loadRegions(), []);
  const d =
    indicator.data && cycles.data && regions.data
      ? { indicator: indicator.data, regions: regions.data, cycles: cycles.data.items }
      : undefined;
  const error = indicator.error ?? cycles.error ?? regions.error;
  const changed = (text: string) => {
    setMessage(text);
    void invalidate('/indicators/{id}/pdsa-cycles');
  };
  const writable = access.pdsaRegions;
  return (
    <Page
      title={d ? t('followup.pdsa.title', { name: d.indicator.name }) : t('followup.pdsa.titleLoading')}
      crumbs={[
        { to: FOLLOWUP_PATH, label: t('followup.home.title') },
        ...(d ? [{ to: indicatorHref(id), label: d.indicator.name }] : []),
      ]}
      lead={<p>{t('followup.pdsa.lead')}</p>}
    >
      {error && <ErrorAlert error={error} />}
      {!d && !error && <Loading />}
      {message && (
        <Notice kind="success" live>
          <p>{message}</p>
        </Notice>
      )}
      {d && (
        <>
          <SelectField
            id="pdsa-region-filter"
            label={t('followup.pdsa.regionFilter')}
            value={region}
            onChange={(r) => navigate(`${pdsaHref(id)}${r ? `?region=${r}` : ''}`)}
          >
            <option value="">{t('common.all')}</option>
            {d.regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </SelectField>
          {writable.length > 0 && (
            <NewPdsaForm
              indicatorId={id}
              regions={d.regions.filter((r) => writable.includes(r.code))}
              preset={region}
              onCreated={(p) => changed(t('followup.pdsa.created', { title: p.title }))}
            />
          )}
          <h2>{t('followup.pdsa.cycles')}</h2>
          {d.cycles.length === 0 && <p>{t('followup.indicator.noPdsa')}</p>}
          {d.cycles.map((c) => (
            <PdsaCard
              key={`${c.id}-${c.version}`}
              cycle={c}
              regionName={d.regions.find((r) => r.code === c.regionCode)?.name ?? c.regionCode}
              mayWrite={c.mayEdit}
              onChanged={changed}
              onReload={() => void invalidate('/indicators/{id}/pdsa-cycles')}
            />
          ))}
        </>
      )}
    </Page>
  );
}

function NewPdsaForm({
  indicatorId,
  regions,
  preset,
  onCreated,
}: {
  indicatorId: string;
  regions: Region[];
  preset: string;
  onCreated: (p: Pdsa) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const label = (k: string) => i18n.tMaybe(`followup.pdsa.field.${k}`) ?? k;
  const problem = useFormProblem('new-pdsa', label);
  const toBody = (v: NewValues): ApiBody<'/pdsa-cycles', 'post'> => ({
    indicatorId,
    regionCode: v.regionCode,
    title: v.title.trim(),
    plan: orNull(v.plan),
    startedOn: orNull(v.startedOn),
  });
  const form = useForm<NewValues>({
    ...FORM_OPTIONS,
    resolver: withChecks(schemaResolver(CreatePdsaBody, toBody), (v) => ({
      title: !v.title.trim() && t('followup.pdsa.needed'),
      regionCode: !v.regionCode && t('followup.pdsa.needed'),
    })),
    defaultValues: {
      title: '',
      regionCode: regions.some((r) => r.code === preset) ? preset : regions.length === 1 ? regions[0]!.code : '',
      plan: '',
      startedOn: '',
    },
  });
  const create = $api.useMutation('post', '/pdsa-cycles');
  const submit = useProblemSubmit(form, problem, async (v) => {
    const created = await create.mutateAsync({ body: toBody(v) });
    form.reset({ ...v, title: '', plan: '', startedOn: '' });
    onCreated(created);
  });
  return (
    <details className="edit-panel">
      <summary>{t('followup.pdsa.new')}</summary>
      <form className="form" onSubmit={submit} noValidate aria-label={t('followup.pdsa.new')}>
        <FormProblem state={problem} />
        <TextField id="new-pdsa-title" label={label('title')} {...bind(form, 'title')} />
        <SelectField id="new-pdsa-regionCode" label={label('regionCode')} {...bind(form, 'regionCode')}>
          <option value="">{t('followup.statusForm.choose')}</option>
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          id="new-pdsa-plan"
          label={label('plan')}
          hint={t('followup.pdsa.hint.plan')}
          {...bind(form, 'plan')}
          rows={3}
        />
        <TextField id="new-pdsa-startedOn" label={label('startedOn')} type="date" {...bind(form, 'startedOn')} />
        <p className="button-row">
          <button type="submit" disabled={form.formState.isSubmitting}>
            {t('followup.pdsa.create')}
          </button>
        </p>
      </form>
    </details>
  );
}

function PdsaCard({
  cycle,
  regionName,
  mayWrite,
  onChanged,
  onReload,
}: {
  cycle: Pdsa;
  regionName: string;
  mayWrite: boolean;
  onChanged: (text: string) => void;
  onReload: () => void;
}) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const headingId = `pdsa-${cycle.id}`;
  // The phase whose text is written now (a closed cycle has none), and the step the server offers.
  const step = (STEPS as readonly PdsaPhase[]).includes(cycle.phase) ? (cycle.phase as Step) : null;
  const next: PdsaPhase | null = cycle.allowedActions[0] ?? null;
  const label = (k: string) => (k === step ? t(`followup.pdsa.step.${step}`) : (i18n.tMaybe(`followup.pdsa.field.${k}`) ?? k));
  const problem = useFormProblem(`pdsa-${cycle.id}`, label);
  const toBody = (v: StepValues): ApiBody<'/pdsa-cycles/{id}', 'patch'> =>
    step ? { [step]: orNull(v[step]), ...(v.advance && next ? { phase: next } : {}) } : {};
  const form = useForm<StepValues>({
    ...FORM_OPTIONS,
    resolver: withChecks(schemaResolver(UpdatePdsaBody, toBody), (v) =>
      step ? { [step]: v.advance && !v[step].trim() && t('followup.pdsa.stepNeeded') } : {},
    ),
    defaultValues: { plan: cycle.plan ?? '', do: cycle.do ?? '', study: cycle.study ?? '', act: cycle.act ?? '', advance: true },
  });
  const save = $api.useMutation('patch', '/pdsa-cycles/{id}');
  const submit = useProblemSubmit(form, problem, async (v) => {
    await save.mutateAsync({
      params: { path: { id: cycle.id } },
      body: toBody(v),
      headers: { 'If-Match': `"${cycle.version}"` },
    });
    onChanged(
      v.advance && next
        ? t('followup.pdsa.advanced', { title: cycle.title, phase: t(`followup.pdsa.phase.${next}`) })
        : t('followup.pdsa.savedText', { title: cycle.title }),
    );
  });
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId} className="h-small">
        {cycle.title}
      </h3>
      <p className="muted">
        {regionName} · {t('followup.pdsa.phaseNow', { phase: t(`followup.pdsa.phase.${cycle.phase}`) })}
        {cycle.startedOn ? ` · ${t('followup.pdsa.started', { date: formatDate(cycle.startedOn) })}` : ''}
      </p>
      <ol className="pdsa-steps">
        {STEPS.map((s) => (
          <li key={s} aria-current={s === cycle.phase ? 'step' : undefined}>
            <strong>{t(`followup.pdsa.phase.${s}`)}</strong>
            {s === cycle.phase && <span className="muted"> ({t('followup.pdsa.current')})</span>}
            {': '}
            {cycle[s] ?? <span className="muted">{t('followup.pdsa.empty')}</span>}
          </li>
        ))}
      </ol>
      {mayWrite && step && (
        <form
          noValidate
          onSubmit={(e) => {
            form.setValue('advance', true);
            submit(e);
          }}
          aria-label={t('followup.pdsa.formLabel', { title: cycle.title })}
        >
          <FormProblem state={problem} onReload={onReload} />
          <TextAreaField
            id={`pdsa-${cycle.id}-${step}`}
            label={t(`followup.pdsa.step.${step}`)}
            hint={t(`followup.pdsa.hint.${step}`)}
            {...bind(form, step)}
            rows={3}
          />
          <p className="button-row">
            <button type="submit" disabled={form.formState.isSubmitting}>
              {t(`followup.pdsa.advance.${next!}`)}
              <span className="visually-hidden">: {cycle.title}</span>
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={form.formState.isSubmitting}
              onClick={(e) => {
                form.setValue('advance', false);
                submit(e);
              }}
            >
              {t('followup.pdsa.saveText')}
              <span className="visually-hidden">: {cycle.title}</span>
            </button>
          </p>
        </form>
      )}
    </article>
  );
}
