import { attachFollowupReport } from '../../src/modules/meetings/attach-report.js';
import { createMeeting } from '../../src/modules/meetings/create-meeting.js';
import { addAgendaItem } from '../../src/modules/meetings/add-agenda-item.js';
import { createParagraph } from '../../src/modules/meetings/write-paragraph.js';
import { systemCtx } from '../../src/platform/context.js';
import { buildForumMember, buildGroup, buildLpo } from '../../src/testing/builders.js';
import { daysFromToday } from '../helpers/clock.js';
import type { AccessModule } from './types.js';

/** Forums, meetings, minutes, decision log, calendar feeds (Region Blekinge "10"). */
export const meetingsAccess: AccessModule = {
  setup: async ({ db, newUser, request }) => {
    const ctx = systemCtx('matrix');
    const forumId = (await buildGroup(db, { kind: 'council', level: 'region', owner: '10', name: 'Matrisens kunskapsråd' })).id;
    const person = await buildForumMember(db, { groupId: forumId, role: 'ledamot' });
    // Held two weeks ago: paragraphs and justering come from the meeting's day.
    const meeting = await createMeeting(db, ctx, forumId, { date: daysFromToday(-14) });
    const itemId = await addAgendaItem(db, ctx, meeting.id, { title: 'Matrispunkt' });
    const paragraphId = await createParagraph(db, ctx, meeting.id, { agendaItemId: itemId, decisionText: 'Matrisbeslut' });
    const lpoId = (await buildLpo(db, { region: '10', programAreaId: 'njur-och-urinvagssjukdomar', name: 'Matrisens möteslpo' }))
      .id;
    const attachment = await attachFollowupReport(db, ctx, meeting.id, { agendaItemId: itemId, groupId: lpoId, format: 'pdf' });
    // A justerat protokoll for the public reads (justering itself is the minutes routes' matter).
    const approved = await createMeeting(db, ctx, forumId, { date: daysFromToday(-21) });
    await db.query(`UPDATE meetings SET minutes_status = 'justerat', minutes_locked_at = now() WHERE id = $1`, [approved.id]);
    const feedOwner = await newUser();
    const token: string = (await request({ method: 'POST', url: '/api/v1/calendar-feed', as: feedOwner })).json().token;
    return {
      meetingsForumId: forumId,
      meetingsMeetingId: meeting.id,
      meetingsItemId: itemId,
      meetingsParagraphId: paragraphId,
      meetingsPersonId: person.id,
      meetingsFeedToken: token,
      meetingsLpoId: lpoId,
      meetingsAttachmentId: attachment.id,
      meetingsApprovedId: approved.id,
    };
  },
  routes: {
    'GET /api/v1/forums': ['signed-in', () => ({ url: '/api/v1/forums' })],
    'GET /api/v1/forums/{id}/meeting-settings': [
      'scoped',
      (f) => ({ url: `/api/v1/forums/${f.meetingsForumId}/meeting-settings` }),
    ],
    'PUT /api/v1/forums/{id}/meeting-settings': [
      'scoped',
      (f) => ({
        url: `/api/v1/forums/${f.meetingsForumId}/meeting-settings`,
        payload: {
          minWeeks: 4,
          maxWeeks: 6,
          weekday: 3,
          startTime: '13:00',
          endTime: '15:00',
          blackouts: [],
          standingItems: [],
          version: 0,
        },
      }),
    ],
    'GET /api/v1/forums/{id}/meeting-proposal': [
      'scoped',
      (f) => ({ url: `/api/v1/forums/${f.meetingsForumId}/meeting-proposal?year=2027` }),
    ],
    'GET /api/v1/forums/{id}/meetings': ['scoped', (f) => ({ url: `/api/v1/forums/${f.meetingsForumId}/meetings?year=2027` })],
    'POST /api/v1/forums/{id}/meetings': [
      'scoped',
      (f) => ({ url: `/api/v1/forums/${f.meetingsForumId}/meetings`, payload: { date: '2027-03-03' } }),
    ],
    'POST /api/v1/forums/{id}/meetings/from-proposal': [
      'scoped',
      (f) => ({ url: `/api/v1/forums/${f.meetingsForumId}/meetings/from-proposal`, payload: { year: 2027 } }),
    ],
    // Dates, times and places of a forum's meetings are public (insyn); the meeting link is not in it.
    'GET /api/v1/forums/{id}/calendar.ics': ['public', (f) => ({ url: `/api/v1/forums/${f.meetingsForumId}/calendar.ics` })],
    'GET /api/v1/meetings/{id}': ['scoped', (f) => ({ url: `/api/v1/meetings/${f.meetingsMeetingId}` })],
    'PATCH /api/v1/meetings/{id}': [
      'scoped',
      (f) => ({ url: `/api/v1/meetings/${f.meetingsMeetingId}`, payload: { place: 'Sal 2', version: 1 } }),
    ],
    'POST /api/v1/meetings/{id}/notice': [
      'scoped',
      (f) => ({ url: `/api/v1/meetings/${f.meetingsMeetingId}/notice`, payload: { version: 1 } }),
    ],
    'POST /api/v1/meetings/{id}/held': [
      'scoped',
      (f) => ({ url: `/api/v1/meetings/${f.meetingsMeetingId}/held`, payload: { version: 1 } }),
    ],
    'POST /api/v1/meetings/{id}/cancel': [
      'scoped',
      (f) => ({ url: `/api/v1/meetings/${f.meetingsMeetingId}/cancel`, payload: { reason: 'Matris', version: 1 } }),
    ],
    'POST /api/v1/meetings/{id}/minutes/submit': [
      'scoped',
      (f) => ({ url: `/api/v1/meetings/${f.meetingsMeetingId}/minutes/submit`, payload: { version: 1 } }),
    ],
    'POST /api/v1/meetings/{id}/minutes/reopen': [
      'scoped',
      (f) => ({ url: `/api/v1/meetings/${f.meetingsMeetingId}/minutes/reopen`, payload: { version: 1 } }),
    ],
    'POST /api/v1/meetings/{id}/minutes/approve': [
      'scoped',
      (f) => ({ url: `/api/v1/meetings/${f.meetingsMeetingId}/minutes/approve` }),
    ],
    'POST /api/v1/meetings/{id}/minutes/approve-on-paper': [
      'scoped',
      (f) => ({
        url: `/api/v1/meetings/${f.meetingsMeetingId}/minutes/approve-on-paper`,
        payload: { personId: f.meetingsPersonId, signedOn: daysFromToday(0), version: 1 },
      }),
    ],
    'GET /api/v1/meetings/{id}/minutes': [
      'scoped',
      (f) => ({ url: `/api/v1/meetings/${f.meetingsMeetingId}/minutes?format=pdf` }),
    ],
    'POST /api/v1/meetings/{id}/agenda': [
      'scoped',
      (f) => ({ url: `/api/v1/meetings/${f.meetingsMeetingId}/agenda`, payload: { title: 'Ny punkt' } }),
    ],
    'DELETE /api/v1/meetings/{id}/agenda/{itemId}': [
      'scoped',
      (f) => ({ url: `/api/v1/meetings/${f.meetingsMeetingId}/agenda/${f.meetingsItemId}` }),
    ],
    'PUT /api/v1/meetings/{id}/agenda/order': [
      'scoped',
      (f) => ({
        url: `/api/v1/meetings/${f.meetingsMeetingId}/agenda/order`,
        payload: { itemIds: [f.meetingsItemId], version: 1 },
      }),
    ],
    // The follow-up report attached to an agenda item: the forum's keepers (meetings.manage or a
    // sekreterare/samordnare membership) attach and remove; whoever reads the meeting downloads.
    'POST /api/v1/meetings/{id}/attachments': [
      'scoped',
      (f) => ({
        url: `/api/v1/meetings/${f.meetingsMeetingId}/attachments`,
        payload: { agendaItemId: f.meetingsItemId, groupId: f.meetingsLpoId, format: 'docx' },
      }),
    ],
    'GET /api/v1/meeting-attachments/{id}/content': [
      'scoped',
      (f) => ({ url: `/api/v1/meeting-attachments/${f.meetingsAttachmentId}/content` }),
    ],
    'DELETE /api/v1/meeting-attachments/{id}': [
      'scoped',
      (f) => ({ url: `/api/v1/meeting-attachments/${f.meetingsAttachmentId}` }),
    ],
    'PUT /api/v1/meetings/{id}/attendance': [
      'scoped',
      (f) => ({
        url: `/api/v1/meetings/${f.meetingsMeetingId}/attendance`,
        payload: { entries: [{ personId: f.meetingsPersonId, status: 'narvarande' }] },
      }),
    ],
    'PUT /api/v1/meetings/{id}/adjusters': [
      'scoped',
      (f) => ({
        url: `/api/v1/meetings/${f.meetingsMeetingId}/adjusters`,
        payload: { personIds: [f.meetingsPersonId], version: 1 },
      }),
    ],
    'POST /api/v1/meetings/{id}/paragraphs': [
      'scoped',
      (f) => ({
        url: `/api/v1/meetings/${f.meetingsMeetingId}/paragraphs`,
        payload: { title: 'Ny paragraf', decisionKind: 'information' },
      }),
    ],
    'PATCH /api/v1/paragraphs/{id}': [
      'scoped',
      (f) => ({ url: `/api/v1/paragraphs/${f.meetingsParagraphId}`, payload: { decisionText: 'Ändrat', version: 1 } }),
    ],
    'DELETE /api/v1/paragraphs/{id}': ['scoped', (f) => ({ url: `/api/v1/paragraphs/${f.meetingsParagraphId}` })],
    'PUT /api/v1/paragraphs/{id}/participation/{personId}': [
      'scoped',
      (f) => ({
        url: `/api/v1/paragraphs/${f.meetingsParagraphId}/participation/${f.meetingsPersonId}`,
        payload: { takesPart: false },
      }),
    ],
    'POST /api/v1/paragraphs/{id}/actions': [
      'scoped',
      (f) => ({ url: `/api/v1/paragraphs/${f.meetingsParagraphId}/actions`, payload: { title: 'Åtgärd', ownerName: 'Någon' } }),
    ],
    'GET /api/v1/paragraphs/{id}/extract': [
      'scoped',
      (f) => ({ url: `/api/v1/paragraphs/${f.meetingsParagraphId}/extract?format=docx` }),
    ],
    // The log lists only forums the caller may read (empty for others).
    'GET /api/v1/decisions': ['signed-in', () => ({ url: '/api/v1/decisions?q=beslut' })],
    // Insyn: decisions and justerade protokoll for anyone (secret cases masked, nothing before justering).
    'GET /api/v1/public/decisions': ['public', () => ({ url: '/api/v1/public/decisions?q=beslut' })],
    'GET /api/v1/public/meetings/{id}/minutes': [
      'public',
      (f) => ({ url: `/api/v1/public/meetings/${f.meetingsApprovedId}/minutes?format=pdf` }),
    ],
    'GET /api/v1/feeds/decisions.atom': ['public', () => ({ url: '/api/v1/feeds/decisions.atom' })],
    'GET /api/v1/calendar-feed': ['signed-in', () => ({ url: '/api/v1/calendar-feed' })],
    'POST /api/v1/calendar-feed': ['signed-in', () => ({ url: '/api/v1/calendar-feed' })],
    'DELETE /api/v1/calendar-feed': ['signed-in', () => ({ url: '/api/v1/calendar-feed' })],
    // Calendar clients cannot sign in: the secret address is the credential.
    'GET /api/v1/calendar-feeds/{token}': ['public', (f) => ({ url: `/api/v1/calendar-feeds/${f.meetingsFeedToken}` })],
    'GET /api/v1/notifications': ['signed-in', () => ({ url: '/api/v1/notifications' })],
    'POST /api/v1/notifications/read-all': ['signed-in', () => ({ url: '/api/v1/notifications/read-all' })],
    // Someone else's notification: 404 for all but its recipient.
    'POST /api/v1/notifications/{id}/read': [
      'admin',
      () => ({ url: '/api/v1/notifications/00000000-0000-4000-8000-000000000000/read' }),
    ],
  },
};
