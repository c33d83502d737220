/**
 * The beredningsforum's queue: newly registered cases, oldest first, each with its triage form.
 * A triaged case leaves the queue (it is now under beredning).
 */
import { useEffect, useRef, useState } from 'react';
import { Link } from '../app/router';
import { $api, invalidate } from '../client';
import { ErrorAlert, Loading } from '../components/Alerts';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { useI18n, useT } from '../i18n';
import { CASES_PATH, caseHref, originLabel, type CaseDetail } from './cases';
import { CasesNav } from './CasesNav';
import { TriageForm } from './TriageForm';

export function TriagePage() {
  const t = useT();
  return (
    <RequireUser
      title={t('cases.triage.title')}
      crumbs={[
        { to: '/', label: t('nav.start') },
        { to: CASES_PATH, label: t('area.cases') },
      ]}
    >
      <Triage />
    </RequireUser>
  );
}

function Triage() {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const queue = $api.useQuery('get', '/cases/triage-queue', { params: { query: { limit: 200 } } });
  const [done, setDone] = useState<{ text: string; n: number } | null>(null);
  const items = queue.data?.items ?? [];
  return (
    <Page
      title={t('cases.triage.title')}
      crumbs={[
        { to: '/', label: t('nav.start') },
        { to: CASES_PATH, label: t('area.cases') },
      ]}
      lead={<p>{t('cases.triage.lead')}</p>}
    >
      <CasesNav />
      {done && <Done key={done.n} text={done.text} />}
      {queue.error && <ErrorAlert error={queue.error} />}
      {queue.isPending && <Loading />}
      <p className="result-count" role="status">
        {queue.data &&
          (items.length === 0
            ? t('cases.triage.none')
            : t(items.length === 1 ? 'cases.triage.count.one' : 'cases.triage.count', { count: items.length }))}
      </p>
      {items.map((c) => (
        <section key={c.id} className="panel" aria-labelledby={`q-${c.id}`}>
          <h2 id={`q-${c.id}`}>
            <Link to={caseHref(c.id)}>
              {c.caseNumber}: {c.subject}
            </Link>
          </h2>
          {c.secret && <p className="badge badge-weak">{t('cases.secret')}</p>}
          <p>
            {c.sender} · {originLabel(i18n, c.origin)} · {t('case.field.receivedDate')} {formatDate(c.receivedDate)}
          </p>
          <QueuedTriage
            c={c}
            onDone={(after) => {
              setDone((d) => ({ text: t('cases.triage.done', { number: after.caseNumber }), n: (d?.n ?? 0) + 1 }));
              void invalidate('/cases');
            }}
          />
        </section>
      ))}
    </Page>
  );
}

/** One queued case's triage form, with the forums of its region. */
function QueuedTriage({ c, onDone }: { c: CaseDetail; onDone: (after: CaseDetail) => void }) {
  const options = $api.useQuery('get', '/cases/options', { params: { query: { region: c.region } } });
  return options.data ? <TriageForm c={c} options={options.data} onDone={onDone} /> : null;
}

function Done({ text }: { text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} className="alert alert-success" role="status" tabIndex={-1}>
      <p>{text}</p>
    </div>
  );
}
