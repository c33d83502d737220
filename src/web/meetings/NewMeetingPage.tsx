/**
 * Planning one meeting of a forum outside the cadence proposal, on a page of its own (issue 17:
 * registration forms are not under lists): the forum's times and place unless given. Once
 * planned, the meeting's own page opens.
 */
import { navigate } from '../app/router';
import { MeetingBody } from '../../modules/meetings/schemas';
import { $api } from '../client';
import { thisYear } from '../clock';
import { ErrorAlert, Notice } from '../components/Alerts';
import { FormTextField } from '../components/FormFields';
import { Page } from '../components/Page';
import { RequireUser } from '../components/RequireUser';
import { useT } from '../i18n';
import { useRun } from './meeting-form';
import { meetingWrite, useMeetingForm, useMeetingSubmit } from './meeting-submit';
import { forumHref, MEETINGS_PATH, meetingHref } from './meetings';

export const newMeetingHref = (forumId: string) => `${forumHref(forumId)}/nytt-mote`;

export function NewMeetingPage({ id }: { id: string }) {
  const t = useT();
  return (
    <RequireUser title={t('meetings.new.heading')} crumbs={[{ to: MEETINGS_PATH, label: t('area.meetings') }]}>
      <NewMeeting id={id} />
    </RequireUser>
  );
}

interface NewMeetingValues {
  date: string;
  place: string;
}

function NewMeeting({ id }: { id: string }) {
  const t = useT();
  const forum = $api.useQuery('get', '/forums/{id}/meetings', { params: { path: { id }, query: { year: thisYear() } } });
  const { run, error } = useRun();
  const toBody = (v: NewMeetingValues) => ({ date: v.date, ...(v.place.trim() ? { place: v.place } : {}) });
  const form = useMeetingForm(MeetingBody, toBody, { date: '', place: '' });
  const create = $api.useMutation('post', '/forums/{id}/meetings', meetingWrite);
  const submit = useMeetingSubmit(
    form,
    run,
    async (v) => {
      const m = await create.mutateAsync({ params: { path: { id } }, body: toBody(v) });
      navigate(meetingHref(m.id));
    },
    '',
    { reset: true },
  );
  const name = forum.data?.forum.name;
  return (
    <Page
      title={name ? t('meetings.new.headingFor', { forum: name }) : t('meetings.new.heading')}
      crumbs={[
        { to: '/', label: t('nav.start') },
        { to: MEETINGS_PATH, label: t('area.meetings') },
        ...(name ? [{ to: forumHref(id), label: name }] : []),
      ]}
      lead={<p>{t('meetings.new.lead')}</p>}
    >
      {forum.error && <ErrorAlert error={forum.error} />}
      {error && <ErrorAlert error={error} />}
      {forum.data && !forum.data.permissions.manage && (
        <Notice kind="warning">
          <p>{t('meetings.new.notAllowed')}</p>
        </Notice>
      )}
      {forum.data?.permissions.manage && (
        <form className="form" noValidate onSubmit={submit} aria-labelledby="page-title">
          <FormTextField
            control={form.control}
            name="date"
            id="new-meeting-date"
            type="date"
            label={t('meetings.field.date')}
            required
          />
          <FormTextField control={form.control} name="place" id="new-meeting-place" label={t('meetings.field.place')} />
          <button type="submit">{t('meetings.new.submit')}</button>
        </form>
      )}
    </Page>
  );
}
