/**
 * One case, in tabs (issue 17; the tab is in the URL, `?flik=`): Översikt (its particulars,
 * status with the actions the server offers the caller — `allowedActions`: buttons only for
 * those —, triage, assignment, escalation to the kunskapsråd), Handlingar (documents, the
 * diarium, archiving), Åtgärder (action items), Länkar (links) and Historik. Every change
 * sends the version the page was built on; after a change the case and its panels are read again.
 */
import { useEffect, useRef, useState } from 'react';
import { $api, invalidate, queryClient } from '../client';
import { ErrorAlert, Loading } from '../components/Alerts';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { StepNav, useStep } from '../components/StepNav';
import { useI18n, useT, type MessageKey } from '../i18n';
import { ActionsPanel } from './ActionsPanel';
import { AssignPanel } from './AssignPanel';
import { CaseSummary } from './CaseSummary';
import { CASES_PATH } from './cases';
import { CasesNav } from './CasesNav';
import { DiariumPanel } from './DiariumPanel';
import { DocumentsPanel } from './DocumentsPanel';
import { ArchivePanel } from './ArchivePanel';
import { EscalatePanel } from './EscalatePanel';
import { HistoryPanel } from './HistoryPanel';
import { LinksPanel } from './LinksPanel';
import { StatusPanel } from './StatusPanel';
import { TriageForm } from './TriageForm';

export function CasePage({ id }: { id: string }) {
  const t = useT();
  return (
    <RequireUser
      title={t('area.cases')}
      crumbs={[
        { to: '/', label: t('nav.start') },
        { to: CASES_PATH, label: t('area.cases') },
      ]}
    >
      <CaseView id={id} />
    </RequireUser>
  );
}

const CASE_TABS = ['oversikt', 'handlingar', 'atgarder', 'lankar', 'historik'] as const;
type CaseTab = (typeof CASE_TABS)[number];
const TAB_LABEL: Record<CaseTab, MessageKey> = {
  oversikt: 'cases.tab.oversikt',
  handlingar: 'cases.tab.handlingar',
  atgarder: 'cases.tab.atgarder',
  lankar: 'cases.tab.lankar',
  historik: 'cases.tab.historik',
};

const isCaseItself = (q: { queryKey: readonly unknown[] }) => q.queryKey[1] === '/cases/{id}';

/** Tells the page a change is done: the message is announced and the case is read again. */
export type Say = (text: string) => void;

function CaseView({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const detail = $api.useQuery('get', '/cases/{id}', { params: { path: { id } } });
  const tab = useStep(CASE_TABS);
  const c = detail.data;
  const options = $api.useQuery('get', '/cases/options', { params: { query: { region: c?.region ?? '' } } }, { enabled: !!c });
  const [message, setMessage] = useState<{ text: string; n: number } | null>(null);
  const change = useRef(0);
  const say: Say = (text) => {
    setMessage((m) => ({ text, n: (m?.n ?? 0) + 1 }));
    // The case's parts (items, documents, links, history) first, then the case itself, so what
    // the page says about the case (e.g. closed) is never ahead of its history; a newer change
    // supersedes the case read of an older one.
    const mine = ++change.current;
    void queryClient.cancelQueries({ predicate: isCaseItself });
    void invalidate('/cases/{id}/').then(() =>
      change.current === mine ? queryClient.invalidateQueries({ predicate: isCaseItself }) : undefined,
    );
  };

  const crumbs = [
    { to: '/', label: t('nav.start') },
    { to: CASES_PATH, label: t('area.cases') },
  ];
  if (!c) {
    return (
      <Page title={t('area.cases')} crumbs={crumbs}>
        {detail.error ? <ErrorAlert error={detail.error} /> : <Loading />}
      </Page>
    );
  }
  return (
    <Page title={`${c.caseNumber}: ${c.subject}`} crumbs={crumbs} lead={<p>{t('cases.page.lead')}</p>}>
      <CasesNav />
      {message && <Success key={message.n} text={message.text} />}
      {detail.error && <ErrorAlert error={detail.error} />}
      <StepNav label={t('cases.tab.label')} current={tab} steps={CASE_TABS.map((k) => ({ key: k, label: t(TAB_LABEL[k]) }))} />
      {tab === 'oversikt' && (
        <>
          <CaseSummary c={c} />
          <StatusPanel c={c} options={options.data} onDone={say} />
          {c.canTriage && options.data && (
            <section className="panel" aria-labelledby="triage-heading">
              <h2 id="triage-heading">{t('cases.nav.triage')}</h2>
              <TriageForm c={c} options={options.data} onDone={(cc) => say(t('cases.triage.done', { number: cc.caseNumber }))} />
            </section>
          )}
          {c.canHandle && !c.locked && options.data && <AssignPanel c={c} options={options.data} onDone={say} />}
          {c.canEscalate && options.data && <EscalatePanel c={c} options={options.data} onDone={say} />}
        </>
      )}
      {tab === 'handlingar' && (
        <>
          <DocumentsPanel c={c} onDone={say} />
          {c.canHandle && !c.locked && <DiariumPanel c={c} onDone={say} />}
          {c.canArchive && <ArchivePanel c={c} />}
        </>
      )}
      {tab === 'atgarder' && <ActionsPanel c={c} options={options.data} onDone={say} />}
      {tab === 'lankar' && <LinksPanel c={c} onDone={say} />}
      {tab === 'historik' && <HistoryPanel c={c} />}
    </Page>
  );
}

/** Announces a completed change and takes focus, so it is read out after the form re-renders. */
function Success({ text }: { text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} className="alert alert-success" role="status" tabIndex={-1}>
      <p>{text}</p>
    </div>
  );
}
