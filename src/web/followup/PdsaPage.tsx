/**
 * PDSA cycles of an indicator, per region: the list with the text of each step, a new cycle
 * (plan), and moving a cycle one step at a time (plan → do → study → act → closed) writing the
 * step's text on the way. People with pdsa.write in the cycle's region get the forms.
 */
import { useState, type FormEvent } from 'react';
import type { Region } from '../api';
import { navigate, useLocation } from '../app/router';
import { $api, call, client, invalidate } from '../client';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { SelectField, TextAreaField, TextField } from '../components/Fields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { useAsync } from '../components/useAsync';
import { useI18n } from '../i18n';
import { loadRegions } from '../organisation/reference';
import { usePlanningPermissions } from './permissions';
import { FOLLOWUP_PATH, indicatorHref } from './FollowupHomePage';
import { FormProblem, orNull, useFormState } from './form';
import type { Pdsa, PdsaPhase } from './types';

export const pdsaHref = (indicatorId: string) => `${indicatorHref(indicatorId)}/pdsa`;
const STEPS = ['plan', 'do', 'study', 'act'] as const;

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
  const [title, setTitle] = useState('');
  const [regionCode, setRegionCode] = useState(
    regions.some((r) => r.code === preset) ? preset : regions.length === 1 ? regions[0]!.code : '',
  );
  const [plan, setPlan] = useState('');
  const [startedOn, setStartedOn] = useState('');
  const label = (k: string) => i18n.tMaybe(`followup.pdsa.field.${k}`) ?? k;
  const form = useFormState('new-pdsa', label);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!title.trim()) local.title = t('followup.pdsa.needed');
    if (!regionCode) local.regionCode = t('followup.pdsa.needed');
    if (Object.keys(local).length) return form.local(t('form.fixErrors'), local);
    let created: Pdsa | undefined;
    const ok = await form.run(async () => {
      created = await call(
        client.POST('/pdsa-cycles', {
          body: { indicatorId, regionCode, title: title.trim(), plan: orNull(plan), startedOn: orNull(startedOn) },
        }),
      );
    });
    if (ok && created) {
      setTitle('');
      setPlan('');
      setStartedOn('');
      onCreated(created);
    }
  };
  return (
    <details className="edit-panel">
      <summary>{t('followup.pdsa.new')}</summary>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('followup.pdsa.new')}>
        <FormProblem state={form} />
        <TextField id="new-pdsa-title" label={label('title')} value={title} onChange={setTitle} error={form.error('title')} />
        <SelectField
          id="new-pdsa-regionCode"
          label={label('regionCode')}
          value={regionCode}
          onChange={setRegionCode}
          error={form.error('regionCode')}
        >
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
          value={plan}
          onChange={setPlan}
          error={form.error('plan')}
          rows={3}
        />
        <TextField
          id="new-pdsa-startedOn"
          label={label('startedOn')}
          type="date"
          value={startedOn}
          onChange={setStartedOn}
          error={form.error('startedOn')}
        />
        <p className="button-row">
          <button type="submit" disabled={form.busy}>
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
  const step = (STEPS as readonly PdsaPhase[]).includes(cycle.phase) ? (cycle.phase as (typeof STEPS)[number]) : null;
  const next: PdsaPhase | null = cycle.allowedActions[0] ?? null;
  const [text, setText] = useState(step ? (cycle[step] ?? '') : '');
  const label = (k: string) => (k === step ? t(`followup.pdsa.step.${step}`) : (i18n.tMaybe(`followup.pdsa.field.${k}`) ?? k));
  const form = useFormState(`pdsa-${cycle.id}`, label);
  const save = async (advance: boolean) => {
    if (!step) return;
    if (advance && !text.trim()) {
      form.local(t('form.fixErrors'), { [step]: t('followup.pdsa.stepNeeded') });
      return;
    }
    const ok = await form.run(() =>
      call(
        client.PATCH('/pdsa-cycles/{id}', {
          params: { path: { id: cycle.id } },
          body: { [step]: orNull(text), ...(advance && next ? { phase: next } : {}) },
          headers: { 'If-Match': `"${cycle.version}"` },
        }),
      ),
    );
    if (ok)
      onChanged(
        advance && next
          ? t('followup.pdsa.advanced', { title: cycle.title, phase: t(`followup.pdsa.phase.${next}`) })
          : t('followup.pdsa.savedText', { title: cycle.title }),
      );
  };
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
            e.preventDefault();
            void save(true);
          }}
          aria-label={t('followup.pdsa.formLabel', { title: cycle.title })}
        >
          <FormProblem state={form} onReload={onReload} />
          <TextAreaField
            id={`pdsa-${cycle.id}-${step}`}
            label={t(`followup.pdsa.step.${step}`)}
            hint={t(`followup.pdsa.hint.${step}`)}
            value={text}
            onChange={setText}
            error={form.error(step)}
            rows={3}
          />
          <p className="button-row">
            <button type="submit" disabled={form.busy}>
              {t(`followup.pdsa.advance.${next!}`)}
              <span className="visually-hidden">: {cycle.title}</span>
            </button>
            <button type="button" className="button-secondary" disabled={form.busy} onClick={() => void save(false)}>
              {t('followup.pdsa.saveText')}
              <span className="visually-hidden">: {cycle.title}</span>
            </button>
          </p>
        </form>
      )}
    </article>
  );
}
