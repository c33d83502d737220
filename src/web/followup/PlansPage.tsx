/** Verksamhetsplaner: the two-year plans with their state, the follow-up report per group, and one plan compared with last year's. */
import { apiHref } from '../api';
import { Link } from '../app/router';
import { $api, invalidate } from '../client';
import { ErrorAlert, Loading } from '../components/Alerts';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { TableScroll } from '../components/TableScroll';
import { useI18n } from '../i18n';
import { FOLLOWUP_PATH } from './FollowupHomePage';
import { NewPlanForm, PlanEditing } from './PlanEditor';

const reportHref = (groupId: string, format: 'pdf' | 'docx') =>
  apiHref('/groups/{id}/followup-report', { path: { id: groupId }, query: { format } });

export function PlansPage() {
  const { t } = useI18n();
  return (
    <RequireUser title={t('followup.plans.title')} crumbs={[{ to: FOLLOWUP_PATH, label: t('followup.home.title') }]}>
      <Plans />
    </RequireUser>
  );
}

function Plans() {
  const { t } = useI18n();
  const plans = $api.useQuery('get', '/plans');
  return (
    <Page
      title={t('followup.plans.title')}
      crumbs={[{ to: FOLLOWUP_PATH, label: t('followup.home.title') }]}
      lead={<p>{t('followup.plans.lead')}</p>}
    >
      <NewPlanForm />
      {plans.error && <ErrorAlert error={plans.error} />}
      {plans.isPending && <Loading />}
      {plans.data && plans.data.items.length === 0 && <p>{t('followup.plans.none')}</p>}
      {plans.data && plans.data.items.length > 0 && (
        <TableScroll labelledBy="plans-caption">
          <table>
            <caption id="plans-caption">{t('followup.plans.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('followup.plans.group')}</th>
                <th scope="col">{t('followup.plans.period')}</th>
                <th scope="col">{t('followup.plans.state')}</th>
                <th scope="col">{t('followup.plans.report')}</th>
              </tr>
            </thead>
            <tbody>
              {plans.data.items.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`${FOLLOWUP_PATH}/planer/${p.id}`}>
                      {p.groupName}: {p.title}
                    </Link>
                  </th>
                  <td className="nowrap">
                    {p.startYear}–{p.endYear}
                  </td>
                  <td>{t(`followup.plans.state.${p.state}`)}</td>
                  <td className="nowrap">
                    <a href={reportHref(p.groupId, 'pdf')}>
                      {t('followup.report.pdf')}
                      <span className="visually-hidden">: {p.groupName}</span>
                    </a>{' '}
                    ·{' '}
                    <a href={reportHref(p.groupId, 'docx')}>
                      {t('followup.report.docx')}
                      <span className="visually-hidden">: {p.groupName}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Page>
  );
}

export function PlanPage({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <RequireUser title={t('followup.plans.title')} crumbs={[{ to: FOLLOWUP_PATH, label: t('followup.home.title') }]}>
      <PlanView id={id} />
    </RequireUser>
  );
}

function PlanView({ id }: { id: string }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const plan = $api.useQuery('get', '/plans/{id}', { params: { path: { id } } });
  const p = plan.data;
  const c = p?.comparison;
  return (
    <Page
      title={p ? `${p.groupName}: ${p.title}` : t('followup.plans.title')}
      crumbs={[
        { to: FOLLOWUP_PATH, label: t('followup.home.title') },
        { to: `${FOLLOWUP_PATH}/planer`, label: t('followup.plans.title') },
      ]}
    >
      {plan.error && <ErrorAlert error={plan.error} />}
      {plan.isPending && <Loading />}
      {p && (
        <>
          <p>
            {t(`followup.plans.state.${p.state}`)}
            {p.agreedWith && ` – ${t('followup.plan.agreedWith', { who: p.agreedWith })}`}
            {p.decisionRef && ` – ${t('followup.plan.decision', { ref: p.decisionRef })}`}
            {p.establishedOn && ` (${formatDate(p.establishedOn)})`}
          </p>
          <p className="button-row">
            <a className="button button-secondary button-small" href={reportHref(p.groupId, 'pdf')}>
              {t('followup.plans.report')} ({t('followup.report.pdf')})
            </a>
            <a className="button button-secondary button-small" href={reportHref(p.groupId, 'docx')}>
              {t('followup.plans.report')} ({t('followup.report.docx')})
            </a>
          </p>
          <TableScroll labelledBy="items-caption">
            <table>
              <caption id="items-caption">{t('followup.plan.items')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('followup.plan.priority')}</th>
                  <th scope="col">{t('followup.plan.item')}</th>
                  <th scope="col">{t('followup.plan.rationale')}</th>
                  <th scope="col">{t('followup.plan.owner')}</th>
                  <th scope="col">{t('followup.plan.time')}</th>
                  <th scope="col">{t('followup.plan.workingGroup')}</th>
                  <th scope="col">{t('followup.plan.progress')}</th>
                </tr>
              </thead>
              <tbody>
                {p.items.map((i) => (
                  <tr key={i.priority}>
                    <td>{i.priority}</td>
                    <th scope="row">{i.title}</th>
                    <td>
                      {i18n.tMaybe(`followup.plan.rationale.${i.rationaleKind}`) ?? i.rationaleKind}
                      {i.rationale && <span className="muted">: {i.rationale}</span>}
                    </td>
                    <td>{i.ownerName ?? '–'}</td>
                    <td className="nowrap">
                      {i.startsOn || i.endsOn ? `${formatDate(i.startsOn)} – ${formatDate(i.endsOn)}` : '–'}
                    </td>
                    <td className="nowrap">{i.workingGroupStartsOn ? formatDate(i.workingGroupStartsOn) : '–'}</td>
                    <td>{i18n.tMaybe(`followup.plan.progress.${i.progress}`) ?? i.progress}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <section aria-labelledby="cmp-heading">
            <h2 id="cmp-heading">
              {c
                ? t('followup.plan.comparison', { from: c.previousStartYear, to: c.previousStartYear + 1 })
                : t('followup.plan.firstPlan')}
            </h2>
            {c && (
              <ul>
                {c.added.length > 0 && <li>{t('followup.plan.added', { list: c.added.join(', ') })}</li>}
                {c.removed.length > 0 && (
                  <li>{t('followup.plan.removed', { list: c.removed.map((r) => r.title).join(', ') })}</li>
                )}
                {c.reprioritised.length > 0 && (
                  <li>
                    {t('followup.plan.reprioritised', {
                      list: c.reprioritised.map((r) => `${r.title} (${r.from} → ${r.to})`).join(', '),
                    })}
                  </li>
                )}
                {!c.added.length && !c.removed.length && !c.reprioritised.length && <li>{t('followup.plan.noChange')}</li>}
              </ul>
            )}
          </section>
          <PlanEditing plan={p} onChanged={() => void invalidate('/plans')} />
        </>
      )}
    </Page>
  );
}
