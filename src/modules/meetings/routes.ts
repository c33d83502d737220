import { Type } from 'typebox';
import { requireActor } from '../../platform/auth/policy.js';
import { notFound, Problem } from '../../platform/errors.js';
import type { RouteModule } from '../../platform/http/app.js';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination.js';
import { errorResponses, IsoDate, Uuid } from '../../platform/http/schemas.js';
import { sendDownload } from '../../platform/export/spreadsheet.js';
import { getGroup } from '../organisation/repository.js';
import { loadForum, loadMeeting, readableForums } from './access.js';
import { approveMinutes, reopenMinutes, setAdjusters, submitMinutes } from './approve-minutes.js';
import { attachFollowupReport, loadAttachmentContent, removeAttachment } from './attach-report.js';
import { createFeedToken, forumCalendar, personalCalendar, revokeFeedToken } from './calendar.js';
import { createMeeting, createMeetingsFromProposal, proposalFor } from './create-meeting.js';
import { addAgendaItem, removeAgendaItem, reorderAgenda } from './edit-agenda.js';
import { minutesDoc, toDocx, toPdf } from './minutes-document.js';
import {
  presentAdjuster,
  presentAgendaItem,
  presentAttachment,
  presentAttendance,
  presentMeeting,
  presentParagraph,
  presentSettings,
} from './presenter.js';
import { recordAttendance } from './record-attendance.js';
import * as repo from './repository.js';
import * as agendaRepo from './agenda-repository.js';
import * as attachmentRepo from './attachment-repository.js';
import * as decisionRepo from './decision-repository.js';
import * as feedRepo from './feed-repository.js';
import * as minutesRepo from './minutes-repository.js';
import { paragraphReference } from './rules/meeting.js';
import * as S from './schemas.js';
import { sendNotice } from './send-notice.js';
import { settingsOf } from './settings.js';
import { updateForumSettings } from './update-forum-settings.js';
import { cancelMeeting, holdMeeting, updateMeeting } from './update-meeting.js';
import {
  addParagraphAction,
  createParagraph,
  deleteParagraph,
  loadParagraph,
  setParticipation,
  updateParagraph,
} from './write-paragraph.js';

const tags = ['Möten och protokoll'];
const MeetingRef = Type.Ref('Meeting');
const Created = Type.Object({ id: Uuid });

export const meetingRoutes: RouteModule = (app, { db, config }) => {
  app.addSchema(S.Settings);
  app.addSchema(S.Meeting);
  app.addSchema(S.Paragraph);

  /** The meeting page's whole state, with what the caller may do. */
  async function detail(ctx: Parameters<typeof loadMeeting>[1], id: string) {
    const { meeting, group, access } = await loadMeeting(db, ctx, id);
    const [agenda, attendance, paragraphs, adjusters, members, attachments] = await Promise.all([
      agendaRepo.agendaOf(db, id),
      repo.attendanceOf(db, id),
      minutesRepo.paragraphsOf(db, id),
      minutesRepo.adjustersOf(db, id),
      repo.activeMembers(db, meeting.group_id, meeting.meeting_date),
      attachmentRepo.attachmentsOf(db, id),
    ]);
    const pids = paragraphs.map((p) => p.id);
    const [participation, actions] = await Promise.all([minutesRepo.participationOf(db, pids), minutesRepo.actionsOf(db, pids)]);
    const mine = adjusters.find((a) => a.person_id === access.personId);
    const candidates =
      access.manage && meeting.minutes_status === 'utkast' ? await agendaRepo.casesReadyForAgenda(db, group.owner) : [];
    return {
      meeting: presentMeeting(meeting),
      agenda: agenda.map(presentAgendaItem),
      attendance: attendance.map(presentAttendance),
      paragraphs: paragraphs.map((p) =>
        presentParagraph(p, { forumName: meeting.group_name, date: meeting.meeting_date }, participation, actions),
      ),
      adjusters: adjusters.map(presentAdjuster),
      members: members.map((m) => ({ personId: m.person_id, name: m.name, role: m.role })),
      candidateCases: candidates
        .filter((c) => !agenda.some((a) => a.case_id === c.id))
        .map((c) => ({ id: c.id, caseNumber: c.case_number, subject: c.subject, status: c.status })),
      attachments: attachments.map(presentAttachment),
      reportGroups:
        access.manage && meeting.minutes_status !== 'justerat' && meeting.status !== 'installt'
          ? await attachmentRepo.reportGroupsOf(db, group.owner)
          : [],
      permissions: {
        manage: access.manage,
        approve: Boolean(mine) && meeting.minutes_status === 'for-justering' && !mine?.approved_at,
        approved: Boolean(mine?.approved_at),
      },
    };
  }

  // --- forums -------------------------------------------------------------------------

  app.get(
    '/api/v1/forums',
    {
      schema: {
        tags,
        summary: 'Forum (råd, beredningsforum, styrgrupper …) som du kan läsa, med om du håller i deras möten',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ id: Uuid, name: Type.String(), kind: Type.String(), owner: Type.String(), manage: Type.Boolean() }),
            ),
            nextCursor: Type.Null(),
          }),
          ...errorResponses(401),
        },
      },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      const forums = await readableForums(db, req.ctx.actor);
      return {
        items: forums.map((f) => ({
          id: f.group.id,
          name: f.group.name,
          kind: f.group.kind,
          owner: f.group.owner,
          manage: f.manage,
        })),
        nextCursor: null,
      };
    },
  );

  app.get(
    '/api/v1/forums/:id/meeting-settings',
    {
      schema: {
        tags,
        summary: 'Forumets mötesrytm (var 4–6:e vecka, veckodag, uppehåll) och stående punkter',
        params: S.IdParams,
        response: { 200: Type.Ref('ForumSettings'), ...errorResponses(400, 401, 404, 422) },
      },
    },
    async (req) => {
      const { group } = await loadForum(db, req.ctx, req.params.id);
      return presentSettings(await settingsOf(db, group));
    },
  );

  app.put(
    '/api/v1/forums/:id/meeting-settings',
    {
      schema: {
        tags,
        summary: 'Ändra forumets mötesrytm; version 0 första gången',
        params: S.IdParams,
        body: S.SettingsBody,
        response: { 200: Type.Ref('ForumSettings'), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => presentSettings(await updateForumSettings(db, req.ctx, req.params.id, req.body)),
  );

  app.get(
    '/api/v1/forums/:id/meeting-proposal',
    {
      schema: {
        tags,
        summary: 'Föreslagna mötesdatum för ett år enligt forumets rytm (helgdagar och uppehåll undantagna)',
        params: S.IdParams,
        querystring: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            year: Type.Integer(),
            dates: Type.Array(
              Type.Object({ date: IsoDate, startTime: Type.String(), endTime: Type.String(), exists: Type.Boolean() }),
            ),
          }),
          ...errorResponses(400, 401, 404, 422),
        },
      },
    },
    async (req) => {
      const { group } = await loadForum(db, req.ctx, req.params.id);
      return { year: req.query.year, dates: await proposalFor(db, group, req.query.year) };
    },
  );

  app.get(
    '/api/v1/forums/:id/meetings',
    {
      schema: {
        tags,
        summary: 'Forumets möten (ett år, eller alla), i datumordning',
        params: S.IdParams,
        querystring: S.YearQuery,
        response: {
          200: Type.Object({
            forum: Type.Object({ id: Uuid, name: Type.String(), kind: Type.String(), owner: Type.String() }),
            items: Type.Array(MeetingRef),
            nextCursor: Type.Null(),
            permissions: Type.Object({ manage: Type.Boolean() }),
          }),
          ...errorResponses(400, 401, 404, 422),
        },
      },
    },
    async (req) => {
      const { group, access } = await loadForum(db, req.ctx, req.params.id);
      const meetings = await repo.meetingsOfForum(db, group.id, req.query.year);
      return {
        forum: { id: group.id, name: group.name, kind: group.kind, owner: group.owner },
        items: meetings.map(presentMeeting),
        nextCursor: null,
        permissions: { manage: access.manage },
      };
    },
  );

  app.post(
    '/api/v1/forums/:id/meetings',
    {
      schema: {
        tags,
        summary: 'Planera ett möte; forumets stående punkter hamnar på föredragningslistan',
        params: S.IdParams,
        body: S.MeetingBody,
        response: { 201: MeetingRef, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(presentMeeting(await createMeeting(db, req.ctx, req.params.id, req.body))),
  );

  app.post(
    '/api/v1/forums/:id/meetings/from-proposal',
    {
      schema: {
        tags,
        summary: 'Skapa årets föreslagna möten (alla, eller de angivna datumen); befintliga hoppas över',
        params: S.IdParams,
        body: S.ProposalBody,
        response: { 201: Type.Object({ items: Type.Array(MeetingRef) }), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send({ items: (await createMeetingsFromProposal(db, req.ctx, req.params.id, req.body)).map(presentMeeting) }),
  );

  app.get(
    '/api/v1/forums/:id/calendar.ics',
    {
      schema: {
        tags,
        summary: 'Forumets möten som iCalendar (öppen: datum, tid och plats, utan möteslänk)',
        params: S.IdParams,
        produces: ['text/calendar'],
        response: { 200: Type.String(), ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => {
      const group = await getGroup(db, req.params.id);
      if (!group) throw notFound('Forumet');
      const meetings = await repo.meetingsOfForum(db, group.id);
      return sendDownload(reply, `${group.name}.ics`, 'ics', forumCalendar(group.name, meetings, config.publicUrl));
    },
  );

  // --- meetings -----------------------------------------------------------------------

  app.get(
    '/api/v1/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Ett möte: föredragningslista, närvaro, protokoll, justerare och vad du får göra',
        params: S.IdParams,
        response: { 200: S.MeetingDetail, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => detail(req.ctx, req.params.id),
  );

  app.patch(
    '/api/v1/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Ändra datum, tid, plats eller möteslänk (kalendrarna uppdateras)',
        params: S.IdParams,
        body: S.MeetingPatch,
        response: { 200: MeetingRef, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => presentMeeting(await updateMeeting(db, req.ctx, req.params.id, req.body)),
  );

  const versionAction = (path: string, summary: string, run: typeof sendNotice) =>
    app.post(
      path,
      {
        schema: {
          tags,
          summary,
          params: S.IdParams,
          body: S.VersionBody,
          response: { 200: MeetingRef, ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => presentMeeting(await run(db, req.ctx, req.params.id, req.body)),
    );
  versionAction(
    '/api/v1/meetings/:id/notice',
    'Skicka kallelsen till ledamöter och adjungerade (i appen och med e-post)',
    sendNotice,
  );
  versionAction('/api/v1/meetings/:id/held', 'Markera mötet som genomfört', holdMeeting);
  versionAction('/api/v1/meetings/:id/minutes/submit', 'Skicka protokollet till justerarna', submitMinutes);
  versionAction(
    '/api/v1/meetings/:id/minutes/reopen',
    'Ta tillbaka protokollet till utkast (innan det är justerat)',
    reopenMinutes,
  );

  app.post(
    '/api/v1/meetings/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Ställ in mötet; de kallade får veta det och kalendrarna visar det som inställt',
        params: S.IdParams,
        body: S.CancelBody,
        response: { 200: MeetingRef, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => presentMeeting(await cancelMeeting(db, req.ctx, req.params.id, req.body)),
  );

  app.post(
    '/api/v1/meetings/:id/agenda',
    {
      schema: {
        tags,
        summary: 'Sätt upp ett ärende (blir "för beslut") eller en annan punkt på föredragningslistan',
        params: S.IdParams,
        body: S.AgendaBody,
        response: { 201: Created, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.code(201).send({ id: await addAgendaItem(db, req.ctx, req.params.id, req.body) }),
  );

  app.delete(
    '/api/v1/meetings/:id/agenda/:itemId',
    {
      schema: {
        tags,
        summary: 'Ta bort en punkt från föredragningslistan',
        params: Type.Object({ id: Uuid, itemId: Uuid }),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      await removeAgendaItem(db, req.ctx, req.params.id, req.params.itemId);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/v1/meetings/:id/agenda/order',
    {
      schema: {
        tags,
        summary: 'Ny ordning på föredragningslistan',
        params: S.IdParams,
        body: S.AgendaOrderBody,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      await reorderAgenda(db, req.ctx, req.params.id, req.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/meetings/:id/attachments',
    {
      schema: {
        tags,
        summary:
          'Bifoga en grupps uppföljningsrapport (PDF eller DOCX) till en punkt på föredragningslistan; sparas som ögonblicksbild med kontrollsumma',
        params: S.IdParams,
        body: S.AttachReportBody,
        response: { 201: S.Attachment, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(presentAttachment(await attachFollowupReport(db, req.ctx, req.params.id, req.body))),
  );

  app.get(
    '/api/v1/meeting-attachments/:id/content',
    {
      schema: {
        tags,
        summary: 'Hämta en bilaga till ett möte (ögonblicksbilden; kontrollsumman verifieras före sändning)',
        params: S.IdParams,
        produces: ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'Bilagan som PDF eller DOCX' }),
          ...errorResponses(400, 401, 404, 500),
        },
      },
    },
    async (req, reply) => {
      const { attachment: a, bytes, intact } = await loadAttachmentContent(db, req.ctx, req.params.id);
      if (!intact) {
        req.log.error({ attachmentId: a.id }, 'meeting attachment failed its checksum');
        throw new Problem(
          500,
          'Bilagan är skadad',
          `Bilagan stämmer inte med sin kontrollsumma och lämnas inte ut. Ange begärans id ${req.id} till supporten.`,
        );
      }
      reply
        .header('x-content-type-options', 'nosniff')
        .header('repr-digest', `sha-256=:${Buffer.from(a.sha256, 'hex').toString('base64')}:`)
        .header('etag', `"${a.sha256}"`);
      return sendDownload(reply, a.file_name, a.format, bytes);
    },
  );

  app.delete(
    '/api/v1/meeting-attachments/:id',
    {
      schema: {
        tags,
        summary: 'Ta bort en bilaga (inte när protokollet är justerat)',
        params: S.IdParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      await removeAttachment(db, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/v1/meetings/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Närvaro: närvarande, frånvarande; nya personer antecknas som adjungerade',
        params: S.IdParams,
        body: S.AttendanceBody,
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ personId: Uuid, name: Type.String(), role: Type.String(), status: Type.String() })),
          }),
          ...errorResponses(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req) => ({ items: (await recordAttendance(db, req.ctx, req.params.id, req.body)).map(presentAttendance) }),
  );

  app.put(
    '/api/v1/meetings/:id/adjusters',
    {
      schema: {
        tags,
        summary: 'Utse justerare (1–3 personer)',
        params: S.IdParams,
        body: S.AdjustersBody,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      await setAdjusters(db, req.ctx, req.params.id, req.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/meetings/:id/minutes/approve',
    {
      schema: {
        tags,
        summary: 'Justera protokollet (utsedd justerare). När alla justerat låses det och besluten gäller',
        params: S.IdParams,
        response: {
          200: Type.Object({ meeting: MeetingRef, locked: Type.Boolean() }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (req) => {
      const r = await approveMinutes(db, req.ctx, req.params.id);
      return { meeting: presentMeeting(r.meeting), locked: r.locked };
    },
  );

  app.post(
    '/api/v1/meetings/:id/paragraphs',
    {
      schema: {
        tags,
        summary: 'Skriv en ny paragraf i protokollet; numret är forumets nästa för året, jäv föreslås',
        params: S.IdParams,
        body: S.ParagraphBody,
        response: { 201: Created, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.code(201).send({ id: await createParagraph(db, req.ctx, req.params.id, req.body) }),
  );

  app.get(
    '/api/v1/meetings/:id/minutes',
    {
      schema: {
        tags,
        summary: 'Hela protokollet som PDF eller DOCX',
        params: S.IdParams,
        querystring: S.FormatQuery,
        response: { 200: Type.String(), ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      const { meeting } = await loadMeeting(db, req.ctx, req.params.id);
      const doc = await minutesDoc(db, meeting);
      const body = req.query.format === 'pdf' ? await toPdf(doc) : await toDocx(doc);
      return sendDownload(reply, `${doc.fileBase}.${req.query.format}`, req.query.format, body);
    },
  );

  // --- paragraphs ---------------------------------------------------------------------

  app.patch(
    '/api/v1/paragraphs/:id',
    {
      schema: {
        tags,
        summary: 'Ändra en paragraf i ett protokollsutkast',
        params: S.IdParams,
        body: S.ParagraphPatch,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      await updateParagraph(db, req.ctx, req.params.id, req.body);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/v1/paragraphs/:id',
    {
      schema: {
        tags,
        summary: 'Ta bort forumets senaste paragraf (numreringen får inga luckor)',
        params: S.IdParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      await deleteParagraph(db, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/v1/paragraphs/:id/participation/:personId',
    {
      schema: {
        tags,
        summary: 'Deltar personen i beslutet? Att delta trots jävsbegränsning kräver ett skäl (granskas)',
        params: Type.Object({ id: Uuid, personId: Uuid }),
        body: S.ParticipationBody,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      await setParticipation(db, req.ctx, req.params.id, req.params.personId, req.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/paragraphs/:id/actions',
    {
      schema: {
        tags,
        summary: 'Åtgärdspunkt med ansvarig och datum; förs till ärendet när protokollet justerats',
        params: S.IdParams,
        body: S.ActionBody,
        response: { 201: Created, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.code(201).send({ id: await addParagraphAction(db, req.ctx, req.params.id, req.body) }),
  );

  app.get(
    '/api/v1/paragraphs/:id/extract',
    {
      schema: {
        tags,
        summary: 'Protokollsutdrag: en paragraf som PDF eller DOCX',
        params: S.IdParams,
        querystring: S.FormatQuery,
        response: { 200: Type.String(), ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      const { paragraph, meeting } = await loadParagraph(db, req.ctx, req.params.id, 'read');
      const doc = await minutesDoc(db, meeting, paragraph.id);
      const body = req.query.format === 'pdf' ? await toPdf(doc) : await toDocx(doc);
      return sendDownload(reply, `${doc.fileBase}.${req.query.format}`, req.query.format, body);
    },
  );

  // --- decision log -------------------------------------------------------------------

  app.get(
    '/api/v1/decisions',
    {
      schema: {
        tags,
        summary: 'Beslutsloggen: beslut i justerade protokoll i de forum du kan läsa, med svensk fritextsökning',
        querystring: S.DecisionQuery,
        response: {
          200: Type.Object({ items: Type.Array(S.Decision), nextCursor: Type.Union([Type.String(), Type.Null()]) }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      const limit = req.query.limit ?? 50;
      const offset = Number(decodeCursor(req.query.cursor, 1)?.[0] ?? 0);
      const readable = (await readableForums(db, req.ctx.actor)).map((f) => f.group.id);
      const groupIds = req.query.forumId ? readable.filter((id) => id === req.query.forumId) : readable;
      const rows = await decisionRepo.searchDecisions(db, {
        groupIds,
        limit: limit + 1,
        offset,
        ...(req.query.q ? { q: req.query.q } : {}),
        ...(req.query.year ? { year: req.query.year } : {}),
      });
      return {
        items: rows.slice(0, limit).map((r) => ({
          paragraphId: r.id,
          meetingId: r.meeting_id,
          forumId: r.group_id,
          forumName: r.group_name,
          meetingDate: r.meeting_date,
          number: r.number,
          reference: paragraphReference(r.group_name, r.meeting_date, r.number),
          title: r.title,
          decisionKind: r.decision_kind,
          decisionText: r.decision_text,
          caseId: r.case_id,
          caseNumber: r.case_number,
          approvedAt: r.locked_at.toISOString(),
        })),
        nextCursor: rows.length > limit ? encodeCursor([offset + limit]) : null,
      };
    },
  );

  // --- calendar feeds -----------------------------------------------------------------

  app.get(
    '/api/v1/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Finns en personlig kalenderlänk? (själva länken visas bara när den skapas)',
        response: {
          200: Type.Object({
            active: Type.Boolean(),
            createdAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
          }),
          ...errorResponses(401),
        },
      },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      const created = await feedRepo.hasFeedToken(db, req.ctx.actor.userId);
      return { active: Boolean(created), createdAt: created ? created.toISOString() : null };
    },
  );

  app.post(
    '/api/v1/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Skapa en ny personlig kalenderlänk (den gamla slutar gälla); visas en gång',
        response: { 201: Type.Object({ url: Type.String(), token: Type.String() }), ...errorResponses(401) },
      },
    },
    async (req, reply) => {
      const token = await createFeedToken(db, req.ctx);
      return reply.code(201).send({ token, url: `${config.publicUrl.replace(/\/$/, '')}/api/v1/calendar-feeds/${token}` });
    },
  );

  app.delete(
    '/api/v1/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Återkalla din kalenderlänk (inget händer om du inte har någon)',
        response: { 204: Type.Null(), ...errorResponses(401) },
      },
    },
    async (req, reply) => {
      await revokeFeedToken(db, req.ctx);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/calendar-feeds/:token',
    {
      schema: {
        tags,
        summary: 'Din personliga mötes­kalender (iCalendar); länken är hemlig och kan återkallas',
        params: Type.Object({ token: Type.String({ maxLength: 100 }) }),
        produces: ['text/calendar'],
        response: { 200: Type.String(), ...errorResponses(404) },
      },
    },
    async (req, reply) =>
      sendDownload(reply, 'mina-moten.ics', 'ics', await personalCalendar(db, req.params.token, config.publicUrl)),
  );
};
