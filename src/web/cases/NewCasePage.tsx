/**
 * Registering a case, on a page of its own (issue 17: registration forms are not under lists).
 * The server assigns the case number (per region and year, without gaps); the page says which
 * number the new case got, links to it, and keeps the form for the next one.
 */
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from '../app/router';
import { useMyRegions } from '../auth/regions';
import { invalidate, type Schema } from '../client';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { useAsync } from '../components/useAsync';
import { useT } from '../i18n';
import { loadRegions } from '../organisation/reference';
import { CASES_PATH, caseHref } from './cases';
import { RegisterCaseForm } from './RegisterCaseForm';

type Case = Schema<'Case'>;

export const NEW_CASE_PATH = `${CASES_PATH}/nytt`;

export function NewCasePage() {
  const t = useT();
  const crumbs = [
    { to: '/', label: t('nav.start') },
    { to: CASES_PATH, label: t('area.cases') },
  ];
  return (
    <RequireUser title={t('case.register.heading')} crumbs={crumbs}>
      <Page title={t('case.register.heading')} crumbs={crumbs}>
        <NewCase />
      </Page>
    </RequireUser>
  );
}

function NewCase() {
  const { search } = useLocation();
  const { homeRegion } = useMyRegions();
  const regions = useAsync(() => loadRegions(), []);
  const [registered, setRegistered] = useState<{ c: Case; n: number } | null>(null);
  const region = search.get('region') ?? '';
  return (
    <>
      {registered && <RegisteredMessage key={registered.n} c={registered.c} />}
      {regions.data && (
        <RegisterCaseForm
          regions={regions.data}
          defaultRegion={region || (homeRegion ?? '')}
          onRegistered={(c) => {
            setRegistered((r) => ({ c, n: (r?.n ?? 0) + 1 }));
            void invalidate('/cases');
          }}
        />
      )}
    </>
  );
}

/** Tells the number the case got, and takes focus so it is read out. */
function RegisteredMessage({ c }: { c: Case }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: 'center' });
  }, []);
  return (
    <div ref={ref} className="alert alert-success" role="status" tabIndex={-1}>
      <p>{t('case.registered', { number: c.caseNumber, subject: c.subject })}</p>
      <p>
        <Link to={caseHref(c.id)}>{t('cases.open', { number: c.caseNumber })}</Link>
      </p>
    </div>
  );
}
