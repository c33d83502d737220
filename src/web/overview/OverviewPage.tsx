/**
 * Min översikt: the signed-in start page. One read (GET /me/overview) gathers what needs the
 * person now and next from every module; a section their roles make irrelevant comes as null
 * and is not shown, an empty one says so. Every row links to the page where they act.
 */
import type { ReactNode } from 'react';
import { Link } from '../app/router';
import { caseHref } from '../cases/cases';
import { $api, type ApiResponse } from '../client';
import { APPROVAL_PATH, kronor } from '../compensation/compensation';
import { ErrorAlert, Loading } from '../components/Alerts';
import { milestoneStep } from '../consultations/answer-steps';
import { answerPath } from '../consultations/model';
import { stepHref } from '../components/StepNav';
import { useI18n, type MessageKey } from '../i18n';
import { groupMandatesHref } from '../mandates/mandates';
import { meetingHref } from '../meetings/meetings';
import { PEOPLE_PATH } from '../people/people';

type OverviewData = ApiResponse<'/me/overview'>;

/** The overview's content, under a Page the caller renders (the start page keeps one h1 for both of its faces). */
/** A row's link straight to the step of the page where the task is done (`?flik=`). */
const at = (path: string, step: string) => stepHref(path, new URLSearchParams(), step);

export function Overview() {
  const overview = $api.useQuery('get', '/me/overview');
  return (
    <>
      {overview.error && <ErrorAlert error={overview.error} />}
      {overview.isPending && <Loading />}
      {overview.data && <Sections o={overview.data} />}
    </>
  );
}

/** "3 dagar kvar", "i dag", "2 dagar sen" as a badge: late ones warn, the next week's stand out. */
function DaysLeft({ days }: { days: number }) {
  const { t } = useI18n();
  const text =
    days === 0
      ? t('overview.dueToday')
      : days > 0
        ? t('overview.daysLeft', { count: days })
        : t('overview.daysLate', { count: -days });
  const kind = days < 0 ? 'badge-weak' : days <= 7 ? 'badge-partial' : 'badge-none';
  return <span className={`badge ${kind}`}>{text}</span>;
}

function Section<T>({
  id,
  heading,
  none,
  items,
  lead,
  children,
}: {
  id: string;
  heading: MessageKey;
  none: MessageKey;
  items: T[] | null;
  lead?: ReactNode;
  children: (item: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (items === null) return null;
  return (
    <section className="card overview-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="card-title">
        {t(heading)} <span className="overview-count">({items.length})</span>
      </h2>
      {lead}
      {items.length === 0 ? (
        <p className="hint">{t(none)}</p>
      ) : (
        <ul className="overview-list">{items.map((item) => children(item))}</ul>
      )}
    </section>
  );
}

function Row({ to, children, meta }: { to: string; children: ReactNode; meta?: ReactNode }) {
  return (
    <li>
      <Link to={to}>{children}</Link>
      {meta && <span className="overview-meta"> {meta}</span>}
    </li>
  );
}

function Sections({ o }: { o: OverviewData }) {
  const { t, tMaybe, formatDate } = useI18n();
  const names = o.regions.map((r) => r.name).join(', ');
  return (
    <>
      <p>
        {t('overview.today', { date: formatDate(o.today) })}{' '}
        {o.regions.length ? t('overview.regions', { names, count: o.regions.length }) : t('overview.regions.none')}
      </p>
      <div className="overview-grid">
        <Section id="ov-milestones" heading="overview.milestones.heading" none="overview.milestones.none" items={o.milestones}>
          {(m) => (
            <Row key={m.answerId} to={at(answerPath(m.answerId), milestoneStep(m.kind))} meta={<DaysLeft days={m.daysLeft} />}>
              {t('overview.milestones.row', { label: m.label, round: m.roundTitle })}
              {o.regions.length > 1 && ` (${m.regionName})`}
            </Row>
          )}
        </Section>
        <Section id="ov-triage" heading="overview.triage.heading" none="overview.triage.none" items={o.triage}>
          {(c) => (
            <Row key={c.id} to={caseHref(c.id)} meta={t('overview.cases.received', { date: formatDate(c.receivedDate) })}>
              <span className="mono">{c.caseNumber}</span> {c.subject}
            </Row>
          )}
        </Section>
        <Section id="ov-cases" heading="overview.cases.heading" none="overview.cases.none" items={o.cases}>
          {(c) => (
            <Row
              key={c.id}
              to={caseHref(c.id)}
              meta={
                <>
                  {tMaybe(`cases.status.${c.status}`) ?? c.statusLabel}
                  {c.daysLeft !== null && (
                    <>
                      {' '}
                      <DaysLeft days={c.daysLeft} />
                    </>
                  )}
                </>
              }
            >
              <span className="mono">{c.caseNumber}</span> {c.subject}
            </Row>
          )}
        </Section>
        <Section id="ov-justering" heading="overview.justering.heading" none="overview.justering.none" items={o.justering}>
          {(m) => (
            <Row key={m.meetingId} to={at(meetingHref(m.meetingId), 'justering')}>
              {t('overview.justering.row', { forum: m.forumName, date: formatDate(m.meetingDate) })}
            </Row>
          )}
        </Section>
        <Section
          id="ov-declarations"
          heading="overview.declarations.heading"
          none="overview.declarations.none"
          items={o.declarations}
        >
          {(d) => (
            <Row
              key={d.declarationId}
              to={`${PEOPLE_PATH}/granskning`}
              meta={t('overview.declarations.submitted', { date: formatDate(d.submittedAt) })}
            >
              {d.personName}
            </Row>
          )}
        </Section>
        <Section
          id="ov-mandates"
          heading="overview.mandates.heading"
          none="overview.mandates.none"
          items={o.mandates}
          lead={<p className="hint">{t('overview.mandates.lead', { days: o.reminderDays })}</p>}
        >
          {(m) => (
            <Row
              key={m.membershipId}
              to={groupMandatesHref(m.groupId)}
              meta={
                <>
                  {t('overview.mandates.ends', { date: formatDate(m.endDate) })} <DaysLeft days={m.daysLeft} />
                </>
              }
            >
              {t('overview.mandates.row', {
                person: m.personName,
                role: tMaybe(`membership.role.${m.role}`) ?? m.role,
                group: m.groupName,
              })}
            </Row>
          )}
        </Section>
        <Section id="ov-claims" heading="overview.claims.heading" none="overview.claims.none" items={o.claims}>
          {(c) => (
            <Row key={c.claimId} to={APPROVAL_PATH} meta={`${formatDate(c.assignmentDate)}, ${kronor(c.totalOre)}`}>
              {t('overview.claims.row', { person: c.personName, group: c.groupName })}
            </Row>
          )}
        </Section>
        <Section id="ov-surveys" heading="overview.surveys.heading" none="overview.surveys.none" items={o.surveys}>
          {(s) => (
            <Row
              key={s.surveyId}
              to={at(answerPath(s.answerId), 'enkat')}
              meta={
                <>
                  {t('overview.surveys.answers', { responded: s.responded, recipients: s.recipients })},{' '}
                  {t('overview.surveys.closes', { date: formatDate(s.closesOn) })} <DaysLeft days={s.daysLeft} />
                </>
              }
            >
              {s.title}
            </Row>
          )}
        </Section>
        <Section
          id="ov-meetings"
          heading="overview.meetings.heading"
          none="overview.meetings.none"
          items={o.meetings}
          lead={
            <p className="hint">{t('overview.meetings.week', { from: formatDate(o.week.from), to: formatDate(o.week.to) })}</p>
          }
        >
          {(m) => (
            <Row key={m.meetingId} to={meetingHref(m.meetingId)} meta={m.place ?? undefined}>
              {t('overview.meetings.row', { forum: m.forumName, date: formatDate(m.date), start: m.startTime, end: m.endTime })}
            </Row>
          )}
        </Section>
      </div>
    </>
  );
}
