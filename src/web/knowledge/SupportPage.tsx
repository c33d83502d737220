/**
 * A knowledge support's page: facts, lifecycle, versions with their consequence descriptions,
 * recommendations (national guidelines), consultation rounds (the answers area links the
 * regions' answers from each round), and regional additions / local routines.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { api, type ApiError } from '../api';
import { Link } from '../app/router';
import { ErrorAlert, Loading, Notice } from '../components/Alerts';
import { SelectField, TextAreaField, TextField } from '../components/Fields';
import { FormErrorSummary } from '../components/FormErrors';
import { Page } from '../components/Page';
import { TableScroll } from '../components/TableScroll';
import { useAsync } from '../components/useAsync';
import { useI18n, type I18n } from '../i18n';
import { loadProgramAreas } from '../organisation/reference';
import { asApiError, serverFieldErrors, useFormSummary } from '../people/people';
import { ConsequenceEditor, emptyConsequences, toConsequenceBody, type ConsequenceValue } from './ConsequenceEditor';
import {
  dimensionLabel,
  editSupportHref,
  gradeLabel,
  knowledgeCrumbs,
  newRoundHref,
  producerKindLabel,
  significanceLabel,
  STATUS_BADGE,
  statusLabel,
  supportHref,
  trackLabel,
  typeLabel,
  type LocalAddition,
  type SupportDetail,
  type SupportVersion,
} from './knowledge';
import { RoundDocumentForm } from './RoundDocumentForm';
import { RoundsTable } from './RoundsTable';

export function SupportPage({ id }: { id: string }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const detail = useAsync(
    (signal) => api.get<SupportDetail>(`/api/v1/knowledge-supports/${encodeURIComponent(id)}`, undefined, signal),
    [id],
  );
  const areas = useAsync(() => loadProgramAreas(), []);
  const [saved, setSaved] = useState(0);
  const reload = () => {
    setSaved((n) => n + 1);
    detail.reload();
  };
  const crumbs = knowledgeCrumbs(i18n);
  if (!detail.data) {
    return (
      <Page title={t('knowledge.title')} crumbs={crumbs}>
        {detail.error ? <ErrorAlert error={detail.error} /> : <Loading />}
      </Page>
    );
  }
  const { support: s, versions, recommendations, localAdditions, rounds, permissions, replacedBy } = detail.data;
  const areaName = (a: string) => areas.data?.find((x) => x.id === a)?.name ?? a;
  const none = t('knowledge.noValue');
  return (
    <Page
      title={s.title}
      crumbs={crumbs}
      lead={
        <p>
          <span className={`badge ${STATUS_BADGE[s.status] ?? ''}`}>{statusLabel(i18n, s.status)}</span> {typeLabel(i18n, s.type)}
          {s.isDemo && <span className="badge badge-demo">{t('knowledge.support.demo')}</span>}
        </p>
      }
    >
      {saved > 0 && (
        <Notice kind="success" live>
          <p>{t('knowledge.saved')}</p>
        </Notice>
      )}
      {detail.error && <ErrorAlert error={detail.error} />}
      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading">{t('knowledge.support.facts')}</h2>
        <dl className="facts">
          <Fact label={t('knowledge.field.producer')}>
            {s.producerGroupId ? (
              <Link to={`/organisation/grupper/${s.producerGroupId}`}>{s.producerGroupName}</Link>
            ) : (
              (s.producerName ?? none)
            )}
            <span className="stat-note">{producerKindLabel(i18n, s.producerKind)}</span>
          </Fact>
          <Fact label={t('knowledge.field.sender')}>{s.sender ?? none}</Fact>
          <Fact label={t('knowledge.field.programAreaIds')}>{s.programAreaIds.map(areaName).join(', ') || none}</Fact>
          <Fact label={t('knowledge.field.targetGroups')}>{s.targetGroups.join(', ') || none}</Fact>
          <Fact label={t('knowledge.field.url')}>{s.url ? <a href={s.url}>{t('knowledge.support.published')}</a> : none}</Fact>
          <Fact label={t('knowledge.field.validFrom')}>{s.validFrom ? formatDate(s.validFrom) : none}</Fact>
          <Fact label={t('knowledge.field.validUntil')}>{s.validUntil ? formatDate(s.validUntil) : none}</Fact>
          <Fact label={t('knowledge.field.nextRevisionDate')}>{s.nextRevisionDate ? formatDate(s.nextRevisionDate) : none}</Fact>
          {s.statusReason && <Fact label={t('knowledge.support.statusReason')}>{s.statusReason}</Fact>}
          {replacedBy && (
            <Fact label={t('knowledge.support.replacedBy')}>
              <Link to={supportHref(replacedBy.id)}>{replacedBy.title}</Link>
            </Fact>
          )}
        </dl>
        {s.summary && <p>{s.summary}</p>}
        {permissions.edit && (
          <p>
            <Link to={editSupportHref(s.id)}>{t('knowledge.support.edit')}</Link>
          </p>
        )}
        {permissions.edit && <LifecycleForm id={s.id} version={s.version} allowed={s.allowedTransitions} onDone={reload} />}
      </section>

      <section aria-labelledby="versions-heading">
        <h2 id="versions-heading">{t('knowledge.versions.heading')}</h2>
        {versions.length === 0 && <p>{t('knowledge.versions.none')}</p>}
        {versions.map((v) => (
          <VersionBlock key={v.id} v={v} canEdit={permissions.edit} canRound={permissions.createRound} onDone={reload} />
        ))}
        {permissions.edit && <NewVersionForm supportId={s.id} onDone={reload} />}
      </section>

      {(s.type === 'nationella-riktlinjer' || recommendations.length > 0) && (
        <section aria-labelledby="recs-heading">
          <h2 id="recs-heading">{t('knowledge.recommendations.heading')}</h2>
          {recommendations.length === 0 ? (
            <p>{t('knowledge.recommendations.none')}</p>
          ) : (
            <TableScroll labelledBy="recs-caption">
              <table>
                <caption id="recs-caption">{t('knowledge.recommendations.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('knowledge.recommendations.code')}</th>
                    <th scope="col">{t('knowledge.recommendations.condition')}</th>
                    <th scope="col">{t('knowledge.recommendations.measure')}</th>
                    <th scope="col">{t('knowledge.recommendations.grade')}</th>
                  </tr>
                </thead>
                <tbody>
                  {recommendations.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">{r.code ?? none}</th>
                      <td>{r.condition}</td>
                      <td>{r.measure}</td>
                      <td>{r.grade === 'prioritet' ? String(r.priority) : gradeLabel(i18n, r.grade)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {permissions.edit && s.type === 'nationella-riktlinjer' && <RecommendationForm supportId={s.id} onDone={reload} />}
        </section>
      )}

      <section aria-labelledby="rounds-heading" id="remissomgangar">
        <h2 id="rounds-heading">{t('knowledge.rounds.heading')}</h2>
        {rounds.length === 0 ? (
          <p>{t('knowledge.rounds.none')}</p>
        ) : (
          <RoundsTable rounds={rounds} id="support-rounds" caption={t('knowledge.rounds.caption')} showSupport={false} />
        )}
        {permissions.createRound &&
          rounds
            .filter((r) => r.status !== 'avbruten')
            .map((r) => (
              <RoundDocumentForm
                key={r.id}
                roundId={r.id}
                label={`${trackLabel(i18n, r.track)}, version ${r.versionLabel}`}
                onDone={reload}
              />
            ))}
        {/* Answers: the consultations area (src/web/consultations) shows each round's answers; see the "Svar" links above. */}
      </section>

      <section aria-labelledby="local-heading">
        <h2 id="local-heading">{t('knowledge.local.heading')}</h2>
        <p className="muted">{t('knowledge.local.who')}</p>
        {localAdditions.length === 0 && <p>{t('knowledge.local.none')}</p>}
        {localAdditions.map((a) => (
          <LocalAdditionBlock key={a.id} a={a} onDone={reload} />
        ))}
        {permissions.localOwners.length > 0 && (
          <LocalAdditionForm supportId={s.id} owners={permissions.localOwners} onDone={reload} />
        )}
      </section>
    </Page>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function useSubmit(onDone: () => void) {
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await fn();
      onDone();
      return true;
    } catch (err) {
      setError(asApiError(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

function LifecycleForm({ id, version, allowed, onDone }: { id: string; version: number; allowed: string[]; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const { error, busy, run } = useSubmit(onDone);
  if (allowed.length === 0) return <p className="muted">{t('knowledge.lifecycle.final')}</p>;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() =>
      api.post(`/api/v1/knowledge-supports/${id}/transition`, {
        status: to || allowed[0],
        reason: reason.trim() || null,
        version,
      }),
    );
  };
  return (
    <form className="form panel" onSubmit={submit} aria-labelledby="lifecycle-heading">
      <h3 id="lifecycle-heading">{t('knowledge.lifecycle.heading')}</h3>
      {error && <ErrorAlert error={error} />}
      <SelectField id="lifecycle-to" label={t('knowledge.lifecycle.to')} value={to || allowed[0]!} onChange={setTo}>
        {allowed.map((s) => (
          <option key={s} value={s}>
            {statusLabel(i18n, s)}
          </option>
        ))}
      </SelectField>
      <TextField id="lifecycle-reason" label={t('knowledge.field.reason')} value={reason} onChange={setReason} />
      <button type="submit" disabled={busy}>
        {t('knowledge.lifecycle.submit')}
      </button>
    </form>
  );
}

function ConsequenceTable({ v, i18n }: { v: SupportVersion; i18n: I18n }) {
  const { t } = i18n;
  return (
    <TableScroll labelledBy={`cons-${v.id}`}>
      <table>
        <caption id={`cons-${v.id}`}>{t('knowledge.consequence.caption', { label: v.label })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('knowledge.consequence.dimension')}</th>
            <th scope="col">{t('knowledge.consequence.significance')}</th>
            <th scope="col">{t('knowledge.consequence.text')}</th>
          </tr>
        </thead>
        <tbody>
          {v.consequences.map((c) => (
            <tr key={c.dimension}>
              <th scope="row">{dimensionLabel(i18n, c.dimension)}</th>
              <td>
                <span
                  className={`badge ${c.significance === 'significant' ? 'badge-weak' : c.significance === 'minor' ? 'badge-partial' : 'badge-ok'}`}
                >
                  {significanceLabel(i18n, c.significance)}
                </span>
              </td>
              <td>{c.text ?? t('knowledge.noValue')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function VersionBlock({
  v,
  canEdit,
  canRound,
  onDone,
}: {
  v: SupportVersion;
  canEdit: boolean;
  canRound: boolean;
  onDone: () => void;
}) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const [to, setTo] = useState('');
  const [cons, setCons] = useState<ConsequenceValue[]>(() =>
    v.consequences.map((c) => ({ dimension: c.dimension, significance: c.significance, text: c.text ?? '' })),
  );
  const status = useSubmit(onDone);
  const edit = useSubmit(onDone);
  const editable = v.status === 'under-framtagande' || v.status === 'under-revision';
  return (
    <article className="panel" aria-labelledby={`version-${v.id}`}>
      <h3 id={`version-${v.id}`}>
        {t('knowledge.field.label')} {v.label}{' '}
        <span className={`badge ${STATUS_BADGE[v.status] ?? ''}`}>{statusLabel(i18n, v.status)}</span>
      </h3>
      {v.changeSummary && <p>{v.changeSummary}</p>}
      <p className="muted">
        {v.decidedOn && `${t('knowledge.field.decidedOn')} ${formatDate(v.decidedOn)}. `}
        {v.publishedOn && `${t('knowledge.field.publishedOn')} ${formatDate(v.publishedOn)}. `}
        {t('knowledge.versions.proposedTrack', { track: trackLabel(i18n, v.proposedTrack) })}
      </p>
      <ConsequenceTable v={v} i18n={i18n} />
      {canRound && (editable || v.status === 'pa-remiss') && (
        <p>
          <Link to={newRoundHref(v.id)}>{t('knowledge.versions.createRound', { label: v.label })}</Link>
        </p>
      )}
      {canEdit && v.allowedTransitions.length > 0 && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void status.run(() =>
              api.post(`/api/v1/knowledge-support-versions/${v.id}/transition`, {
                status: to || v.allowedTransitions[0],
                version: v.version,
              }),
            );
          }}
        >
          {status.error && <ErrorAlert error={status.error} />}
          <SelectField
            id={`vstatus-${v.id}`}
            label={t('knowledge.versions.transition', { label: v.label })}
            value={to || v.allowedTransitions[0]!}
            onChange={setTo}
          >
            {v.allowedTransitions.map((s) => (
              <option key={s} value={s}>
                {statusLabel(i18n, s)}
              </option>
            ))}
          </SelectField>
          <button type="submit" disabled={status.busy}>
            {t('knowledge.lifecycle.submit')}
          </button>
        </form>
      )}
      {canEdit && editable && (
        <details>
          <summary>{t('knowledge.versions.edit', { label: v.label })}</summary>
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              void edit.run(() =>
                api.patch(`/api/v1/knowledge-support-versions/${v.id}`, {
                  consequences: toConsequenceBody(cons),
                  version: v.version,
                }),
              );
            }}
          >
            {edit.error && <ErrorAlert error={edit.error} />}
            <ConsequenceEditor idPrefix={`vcons-${v.id}`} value={cons} onChange={setCons} errors={{}} />
            <button type="submit" disabled={edit.busy}>
              {t('knowledge.versions.save')}
            </button>
          </form>
        </details>
      )}
    </article>
  );
}

function NewVersionForm({ supportId, onDone }: { supportId: string; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [label, setLabel] = useState('');
  const [summaryText, setSummaryText] = useState('');
  const [cons, setCons] = useState(emptyConsequences());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const summary = useFormSummary();
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      await api.post(`/api/v1/knowledge-supports/${supportId}/versions`, {
        label: label.trim(),
        changeSummary: summaryText.trim() || null,
        consequences: toConsequenceBody(cons),
      });
      setLabel('');
      setSummaryText('');
      setErrors({});
      summary.clear();
      onDone();
    } catch (err) {
      const apiError = asApiError(err);
      const { byField, items } = serverFieldErrors(apiError, 'nv', (k) => i18n.tMaybe(`knowledge.field.${k}`) ?? k);
      setErrors(byField);
      summary.show(apiError, items);
    } finally {
      setBusy(false);
    }
  }
  const consErrors = Object.fromEntries(
    Object.entries(errors)
      .filter(([k]) => k.startsWith('consequences-'))
      .map(([k, m]) => [k.replace('consequences-', ''), m]),
  );
  return (
    <details className="panel">
      <summary>{t('knowledge.versions.new')}</summary>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {summary.summary && <FormErrorSummary {...summary.summary} />}
        <TextField id="nv-label" label={t('knowledge.field.label')} value={label} onChange={setLabel} error={errors.label} />
        <TextAreaField
          id="nv-changeSummary"
          label={t('knowledge.field.changeSummary')}
          value={summaryText}
          onChange={setSummaryText}
          rows={2}
        />
        <ConsequenceEditor idPrefix="nv-consequences" value={cons} onChange={setCons} errors={consErrors} />
        <button type="submit" disabled={busy}>
          {t('knowledge.versions.create')}
        </button>
      </form>
    </details>
  );
}

function RecommendationForm({ supportId, onDone }: { supportId: string; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [v, setV] = useState({ code: '', condition: '', measure: '', grade: 'prioritet', priority: '5' });
  const { error, busy, run } = useSubmit(onDone);
  const set = (k: keyof typeof v) => (value: string) => setV((p) => ({ ...p, [k]: value }));
  return (
    <details className="panel">
      <summary>{t('knowledge.recommendations.add')}</summary>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() =>
            api.post(`/api/v1/knowledge-supports/${supportId}/recommendations`, {
              code: v.code.trim() || null,
              condition: v.condition.trim(),
              measure: v.measure.trim(),
              grade: v.grade,
              priority: v.grade === 'prioritet' ? Number(v.priority) : null,
            }),
          );
        }}
      >
        {error && <ErrorAlert error={error} />}
        <TextField id="rec-code" label={t('knowledge.recommendations.code')} value={v.code} onChange={set('code')} />
        <TextField
          id="rec-condition"
          label={t('knowledge.recommendations.condition')}
          value={v.condition}
          onChange={set('condition')}
        />
        <TextField id="rec-measure" label={t('knowledge.recommendations.measure')} value={v.measure} onChange={set('measure')} />
        <SelectField id="rec-grade" label={t('knowledge.recommendations.grade')} value={v.grade} onChange={set('grade')}>
          {['prioritet', 'icke-gora', 'fou'].map((g) => (
            <option key={g} value={g}>
              {gradeLabel(i18n, g)}
            </option>
          ))}
        </SelectField>
        {v.grade === 'prioritet' && (
          <TextField
            id="rec-priority"
            type="number"
            min={1}
            max={10}
            label={t('knowledge.recommendations.priority')}
            value={v.priority}
            onChange={set('priority')}
          />
        )}
        <button type="submit" disabled={busy}>
          {t('knowledge.recommendations.add')}
        </button>
      </form>
    </details>
  );
}

function LocalAdditionBlock({ a, onDone }: { a: LocalAddition; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { error, busy, run } = useSubmit(onDone);
  const setStatus = (status: string) =>
    void run(() => api.patch(`/api/v1/knowledge-local-additions/${a.id}`, { status, version: a.version }));
  return (
    <article className="panel" aria-labelledby={`local-${a.id}`}>
      <h3 id={`local-${a.id}`}>{a.title}</h3>
      <p className="muted">
        {i18n.tMaybe(`knowledge.local.kind.${a.kind}`) ?? a.kind} · {t('knowledge.local.owner')} {a.ownerGroupName} (
        {a.regionName}) · {i18n.tMaybe(`knowledge.local.status.${a.status}`) ?? a.status}
      </p>
      {a.body && <p>{a.body}</p>}
      {a.url && (
        <p>
          <a href={a.url}>{a.url}</a>
        </p>
      )}
      {error && <ErrorAlert error={error} />}
      {a.mayEdit && a.status !== 'publicerad' && (
        <button type="button" disabled={busy} onClick={() => setStatus('publicerad')}>
          {t('knowledge.local.publish')}
        </button>
      )}{' '}
      {a.mayEdit && a.status !== 'arkiverad' && (
        <button type="button" className="button-secondary" disabled={busy} onClick={() => setStatus('arkiverad')}>
          {t('knowledge.local.archive')}
        </button>
      )}
    </article>
  );
}

function LocalAdditionForm({
  supportId,
  owners,
  onDone,
}: {
  supportId: string;
  owners: { id: string; name: string; owner: string }[];
  onDone: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [v, setV] = useState({ ownerGroupId: owners[0]!.id, kind: 'regionalt-tillagg', title: '', body: '', url: '' });
  const { error, busy, run } = useSubmit(onDone);
  const set = (k: keyof typeof v) => (value: string) => setV((p) => ({ ...p, [k]: value }));
  return (
    <details className="panel">
      <summary>{t('knowledge.local.add')}</summary>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() =>
            api.post(`/api/v1/knowledge-supports/${supportId}/local-additions`, {
              ownerGroupId: v.ownerGroupId,
              kind: v.kind,
              title: v.title.trim(),
              body: v.body.trim() || null,
              url: v.url.trim() || null,
            }),
          );
        }}
      >
        {error && <ErrorAlert error={error} />}
        <SelectField id="local-owner" label={t('knowledge.local.owner')} value={v.ownerGroupId} onChange={set('ownerGroupId')}>
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <SelectField id="local-kind" label={t('knowledge.local.kind')} value={v.kind} onChange={set('kind')}>
          <option value="regionalt-tillagg">{t('knowledge.local.kind.regionalt-tillagg')}</option>
          <option value="lokal-rutin">{t('knowledge.local.kind.lokal-rutin')}</option>
        </SelectField>
        <TextField id="local-title" label={t('knowledge.local.title')} value={v.title} onChange={set('title')} />
        <TextAreaField id="local-body" label={t('knowledge.local.body')} value={v.body} onChange={set('body')} rows={4} />
        <TextField id="local-url" inputMode="url" label={t('knowledge.local.url')} value={v.url} onChange={set('url')} />
        <button type="submit" disabled={busy}>
          {t('knowledge.local.save')}
        </button>
      </form>
    </details>
  );
}
