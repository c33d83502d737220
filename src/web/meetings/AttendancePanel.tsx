/** Attendance during or after the meeting, and calling someone in as adjungerad. */
import { useState } from 'react';
import { AttendanceBody } from '../../modules/meetings/schemas';
import { $api } from '../client';
import { SelectField, TextField } from '../components/Fields';
import { TableScroll } from '../components/TableScroll';
import { useI18n, useT } from '../i18n';
import { useSchemaForm, type Run } from './meeting-form';
import type { MeetingDetail } from './MeetingPage';
import { ATTENDANCE_OPTIONS, roleText, statusText } from './meetings';

type AttendanceStatus = (typeof ATTENDANCE_OPTIONS)[number];

interface AttendanceValues {
  /** The statuses changed on the page, by person. */
  changed: Record<string, AttendanceStatus>;
}
const NO_CHANGES: AttendanceValues = { changed: {} };

/** The attendance the keeper sets; `run` (the meeting page's) refetches the meeting after it. */
function useSaveAttendance(meetingId: string) {
  const save = $api.useMutation('put', '/meetings/{id}/attendance');
  return (body: { entries: { personId: string; status: AttendanceStatus; role?: 'adjungerad' }[] }) =>
    save.mutateAsync({ params: { path: { id: meetingId } }, body });
}

export function AttendancePanel({ d, run }: { d: MeetingDetail; run: Run }) {
  const i18n = useI18n();
  const { t } = i18n;
  const open = d.permissions.editMinutes;
  const people = [
    ...d.attendance,
    ...d.members
      .filter((m) => !d.attendance.some((a) => a.personId === m.personId))
      .map((m) => ({ ...m, status: ATTENDANCE_OPTIONS[0] })),
  ];
  const saveAttendance = useSaveAttendance(d.meeting.id);
  // the others stay as the meeting has them
  const { field, submit } = useSchemaForm(
    AttendanceBody,
    (v: AttendanceValues) => ({
      entries: people.map((p) => ({ personId: p.personId, status: v.changed[p.personId] ?? (p.status as AttendanceStatus) })),
    }),
    NO_CHANGES,
  );
  const changed = field('changed');
  const value = (p: { personId: string; status: string }) => changed.value[p.personId] ?? (p.status as AttendanceStatus);
  const save = submit(run, saveAttendance, t('meetings.attendance.saved'), { reset: true });
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
                        onChange={(e) => changed.onChange({ ...changed.value, [p.personId]: e.target.value as AttendanceStatus })}
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
        {open && people.length > 0 && <button type="submit">{t('meetings.attendance.save')}</button>}
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
  const t = useT();
  const [q, setQ] = useState('');
  const [personId, setPersonId] = useState('');
  const [missing, setMissing] = useState(false);
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
  return (
    <form
      className="form"
      aria-labelledby="adjungerad-heading"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!personId) {
          setMissing(true);
          document.getElementById('adjungerad-person')?.focus();
          return;
        }
        setMissing(false);
        void run(
          () => saveAttendance({ entries: [{ personId, status: 'kallad', role: 'adjungerad' }] }),
          called ? t('meetings.adjungerad.addedAfterNotice') : t('meetings.adjungerad.added'),
        ).then((ok) => {
          if (ok) {
            setPersonId('');
            setQ('');
          }
        });
      }}
    >
      <h3 id="adjungerad-heading">{t('meetings.adjungerad.heading')}</h3>
      <p className="hint">{t('meetings.adjungerad.lead')}</p>
      <TextField
        id="adjungerad-search"
        label={t('meetings.adjungerad.search')}
        hint={t('meetings.adjungerad.searchHint')}
        value={q}
        onChange={(v) => {
          setQ(v);
          setPersonId('');
        }}
        autoComplete="off"
      />
      <SelectField
        id="adjungerad-person"
        label={t('meetings.adjungerad.person')}
        value={personId}
        onChange={setPersonId}
        error={missing ? t('meetings.adjungerad.personMissing') : undefined}
        options={candidates.map((p) => ({ value: p.id, label: `${p.name}${p.employer ? `, ${p.employer}` : ''}` }))}
        placeholder={
          search.length < 2
            ? t('meetings.adjungerad.typeFirst')
            : people.isFetching
              ? t('meetings.adjungerad.searching')
              : t('meetings.adjungerad.found', { count: candidates.length })
        }
      />
      <button type="submit">{t('meetings.adjungerad.submit')}</button>
    </form>
  );
}
