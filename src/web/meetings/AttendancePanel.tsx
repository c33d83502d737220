/** Attendance during or after the meeting, and calling someone in as adjungerad. */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { AttendanceBody } from '../../modules/meetings/schemas';
import { $api } from '../client';
import { SelectField, TextField } from '../components/Fields';
import { withChecks } from '../components/form-fields';
import { TableScroll } from '../components/TableScroll';
import { schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import type { Run } from './meeting-form';
import { bindLive, meetingWrite, useMeetingSubmit } from './meeting-submit';
import type { MeetingDetail } from './MeetingPage';
import { ATTENDANCE_OPTIONS, roleText, statusText } from './meetings';

type AttendanceStatus = (typeof ATTENDANCE_OPTIONS)[number];

interface AttendanceValues {
  /** The statuses changed on the page, by person. */
  changed: Record<string, AttendanceStatus>;
}
const NO_CHANGES: AttendanceValues = { changed: {} };

type AttendanceEntries = { entries: { personId: string; status: AttendanceStatus; role?: 'adjungerad' }[] };

/** The attendance the keeper sets; `run` (the meeting page's) refetches the meeting after it. */
function useSaveAttendance(meetingId: string) {
  const save = $api.useMutation('put', '/meetings/{id}/attendance', meetingWrite);
  return (body: AttendanceEntries) => save.mutateAsync({ params: { path: { id: meetingId } }, body });
}

export function AttendancePanel({ d, run }: { d: MeetingDetail; run: Run }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const open = d.permissions.editMinutes;
  const people = [
    ...d.attendance,
    ...d.members
      .filter((m) => !d.attendance.some((a) => a.personId === m.personId))
      .map((m) => ({ ...m, status: ATTENDANCE_OPTIONS[0] })),
  ];
  const saveAttendance = useSaveAttendance(d.meeting.id);
  // the others stay as the meeting has them
  const toBody = (v: AttendanceValues): AttendanceEntries => ({
    entries: people.map((p) => ({ personId: p.personId, status: v.changed[p.personId] ?? (p.status as AttendanceStatus) })),
  });
  const form = useForm<AttendanceValues>({ resolver: schemaResolver(AttendanceBody, toBody, lang), defaultValues: NO_CHANGES });
  const changed = form.watch('changed');
  const value = (p: { personId: string; status: string }) => changed[p.personId] ?? (p.status as AttendanceStatus);
  const save = useMeetingSubmit(form, run, (v) => saveAttendance(toBody(v)), t('meetings.attendance.saved'), {
    ids: {},
    after: () => form.reset(NO_CHANGES),
  });
  return (
    <section aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">{t('meetings.attendance.heading')}</h2>
      <form onSubmit={save}>
        <TableScroll labelledBy="attendance-caption">
          <table>
            <caption id="attendance-caption">{t('meetings.attendance.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meetings.attendance.name')}</th>
                <th scope="col">{t('meetings.attendance.role')}</th>
                <th scope="col">{t('meetings.attendance.status')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.personId}>
                  <th scope="row">{p.name}</th>
                  <td>{roleText(i18n, p.role)}</td>
                  <td>
                    {open ? (
                      <select
                        aria-label={t('meetings.attendance.statusFor', { name: p.name })}
                        value={value(p)}
                        onChange={(e) =>
                          form.setValue('changed', { ...changed, [p.personId]: e.target.value as AttendanceStatus })
                        }
                      >
                        {ATTENDANCE_OPTIONS.map((s) => (
                          <option key={s} value={s}>
                            {statusText(i18n, s)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      statusText(i18n, p.status)
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        {open && people.length > 0 && (
          <button type="submit" disabled={form.formState.isSubmitting}>
            {t('meetings.attendance.save')}
          </button>
        )}
      </form>
      {open && <AddAdjungerad d={d} run={run} known={people.map((p) => p.personId)} />}
    </section>
  );
}

/**
 * Calls someone who is not a member (adjungerad) to the meeting: found by name in the people
 * register, recorded as called; the notice reaches them when it is sent (or sent again).
 */
function AddAdjungerad({ d, run, known }: { d: MeetingDetail; run: Run; known: string[] }) {
  const { t, lang } = useI18n();
  const [q, setQ] = useState('');
  const toBody = (v: { personId: string }): AttendanceEntries => ({
    entries: [{ personId: v.personId, status: 'kallad', role: 'adjungerad' }],
  });
  const form = useForm<{ personId: string }>({
    resolver: withChecks(schemaResolver(AttendanceBody, toBody, lang), (v) => ({
      personId: !v.personId && t('meetings.adjungerad.personMissing'),
    })),
    defaultValues: { personId: '' },
  });
  const saveAttendance = useSaveAttendance(d.meeting.id);
  const search = q.trim();
  const people = $api.useQuery(
    'get',
    '/people',
    { params: { query: { q: search, limit: 50 } } },
    { enabled: search.length >= 2 },
  );
  const candidates = search.length >= 2 ? (people.data?.items ?? []).filter((p) => !known.includes(p.id)) : [];
  // After the notice, the keeper sends it again to reach the person added.
  const called = Boolean(d.meeting.noticeSentAt) && d.allowedActions.includes('notice');
  const submit = useMeetingSubmit(
    form,
    run,
    (v) => saveAttendance(toBody(v)),
    called ? t('meetings.adjungerad.addedAfterNotice') : t('meetings.adjungerad.added'),
    {
      ids: { personId: 'adjungerad-person', entries: 'adjungerad-person' },
      after: () => {
        form.reset({ personId: '' });
        setQ('');
      },
    },
  );
  return (
    <form className="form" aria-labelledby="adjungerad-heading" noValidate onSubmit={submit}>
      <h3 id="adjungerad-heading">{t('meetings.adjungerad.heading')}</h3>
      <p className="hint">{t('meetings.adjungerad.lead')}</p>
      <TextField
        id="adjungerad-search"
        label={t('meetings.adjungerad.search')}
        hint={t('meetings.adjungerad.searchHint')}
        value={q}
        onChange={(v) => {
          setQ(v);
          form.setValue('personId', '');
        }}
        autoComplete="off"
      />
      <SelectField
        id="adjungerad-person"
        label={t('meetings.adjungerad.person')}
        {...bindLive(form, 'personId')}
        options={candidates.map((p) => ({ value: p.id, label: `${p.name}${p.employer ? `, ${p.employer}` : ''}` }))}
        placeholder={
          search.length < 2
            ? t('meetings.adjungerad.typeFirst')
            : people.isFetching
              ? t('meetings.adjungerad.searching')
              : t('meetings.adjungerad.found', { count: candidates.length })
        }
      />
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('meetings.adjungerad.submit')}
      </button>
    </form>
  );
}
