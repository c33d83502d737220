import { Type, type Static, type TSchema } from 'typebox';
import { CONTENT_TYPES, toXlsx } from '../../platform/export/spreadsheet.js';
import { sendDownload } from '../../platform/http/download.js';
import type { RouteModule } from '../../platform/http/app.js';
import { DEFAULT_LIMIT, pageOf } from '../../platform/http/pagination.js';
import { errorResponses, Page, PageQuery, Uuid } from '../../platform/http/schemas.js';
import { answerToDocx, answerToPdf, commentSheet, type AnswerDocument } from './documents/answer-document.js';
import { readAnswerDocument } from './documents/read-answer-document.js';
import { addComment } from './add-comment.js';
import { addSection } from './add-section.js';
import { decideAnswer } from './decide-answer.js';
import { markDraftReady } from './mark-draft-ready.js';
import { prepareAnswer } from './prepare-answer.js';
import { consultationOverview, listVisibleAnswers, readAnswer, regionBoard } from './read-answers.js';
import { registerAnswer } from './register-answer.js';
import { respondToComment } from './respond-to-comment.js';
import { returnAnswer } from './return-answer.js';
import { routeAnswer } from './route-answer.js';
import * as s from './schemas.js';
import { sendAnswer } from './send-answer.js';
import { setAnswerDiarienummer } from './set-answer-diarienummer.js';
import { startDraft } from './start-draft.js';
import { supersedeAnswer } from './supersede-answer.js';
import { updateSection } from './update-section.js';
import { readSettings, updateSettings } from './update-settings.js';

const tags = ['Remissvar'];
const IdParams = Type.Object({ id: Uuid });
const Ok = Type.Ref('ConsultationAnswer');

export const answerRoutes: RouteModule = (app, { db }) => {
  app.addSchema(s.Survey);
  app.addSchema(s.AnswerSummary);
  app.addSchema(s.Answer);

  app.get(
    '/api/v1/consultation-overview',
    {
      schema: {
        tags,
        summary: 'Öppna remissomgångar med sista svarsdag och varje regions status (bara status)',
        response: { 200: s.Overview, ...errorResponses(401) },
      },
    },
    async (req) => consultationOverview(db, req.ctx),
  );

  app.get(
    '/api/v1/consultation-board',
    {
      schema: {
        tags,
        summary: 'Samordnarens tavla: regionens remisser, svarens status, nästa milstolpe och förseningar',
        querystring: Type.Object({ region: Type.String({ pattern: '^[0-9]{2}$' }) }, { additionalProperties: false }),
        response: { 200: s.Board, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => regionBoard(db, req.ctx, req.query.region),
  );

  app.get(
    '/api/v1/consultation-settings/:region',
    {
      schema: {
        tags,
        summary: 'Regionens milstolpar (arbetsdagar före sista svarsdag) och beredande/beslutande forum',
        params: Type.Object({ region: Type.String({ pattern: '^[0-9]{2}$' }) }),
        response: { 200: s.Settings, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => readSettings(db, req.ctx, req.params.region),
  );

  app.put(
    '/api/v1/consultation-settings/:region',
    {
      schema: {
        tags,
        summary: 'Ändra regionens milstolpar och forum (version 0 när inget är sparat)',
        params: Type.Object({ region: Type.String({ pattern: '^[0-9]{2}$' }) }),
        body: s.SettingsBody,
        response: { 200: s.Settings, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => updateSettings(db, req.ctx, req.params.region, req.body),
  );

  app.get(
    '/api/v1/consultation-answers',
    {
      schema: {
        tags,
        summary: 'Remissvar du får läsa (din region och grupper du arbetar i)',
        querystring: Type.Object(
          { ...PageQuery, region: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })), roundId: Type.Optional(Uuid) },
          { additionalProperties: false },
        ),
        response: {
          200: Page(Type.Ref('ConsultationAnswerSummary')),
          ...errorResponses(400, 401),
        },
      },
    },
    async (req) => {
      const all = await listVisibleAnswers(db, req.ctx, {
        ...(req.query.region ? { region: req.query.region } : {}),
        ...(req.query.roundId ? { roundId: req.query.roundId } : {}),
      });
      return pageOf(all, req.query.limit ?? DEFAULT_LIMIT, req.query.cursor, (a) => a.id);
    },
  );

  app.post(
    '/api/v1/consultation-answers',
    {
      schema: {
        tags,
        summary:
          'Registrera en remiss i regionen ("en väg in"): diarienummer, avsnitt och milstolpar; samma remiss två gånger → 409',
        body: s.RegisterBody,
        response: { 201: Ok, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const a = await registerAnswer(db, req.ctx, req.body);
      return reply.code(201).send(await readAnswer(db, req.ctx, a.id));
    },
  );

  app.get(
    '/api/v1/consultation-answers/:id',
    {
      schema: {
        tags,
        summary: 'Ett remissvar; 404 om okänt eller i en annan region',
        params: IdParams,
        response: { 200: Ok, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => readAnswer(db, req.ctx, req.params.id),
  );

  app.post(
    '/api/v1/consultation-answers/:id/routing',
    {
      schema: {
        tags,
        summary: 'Fördela remissen till berörda LPO/LSG (en leder) och ange beredande och beslutande forum',
        params: IdParams,
        body: s.RouteBody,
        response: { 200: Ok, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      await routeAnswer(db, req.ctx, req.params.id, req.body);
      return readAnswer(db, req.ctx, req.params.id);
    },
  );

  const stepSchema = (summary: string, body: TSchema) => ({
    schema: { tags, summary, params: IdParams, body, response: { 200: Ok, ...errorResponses(400, 401, 403, 404, 409, 422) } },
  });

  app.post(
    '/api/v1/consultation-answers/:id/start-draft',
    stepSchema('Börja på utkastet (stänger en pågående enkät)', s.VersionBody),
    async (req) => {
      await startDraft(db, req.ctx, req.params.id, req.body as Static<typeof s.VersionBody>);
      return readAnswer(db, req.ctx, req.params.id);
    },
  );

  app.post(
    '/api/v1/consultation-answers/:id/draft-ready',
    stepSchema('Den ledande gruppen markerar utkastet som klart för beredning', s.VersionBody),
    async (req) => {
      await markDraftReady(db, req.ctx, req.params.id, (req.body as Static<typeof s.VersionBody>).version);
      return readAnswer(db, req.ctx, req.params.id);
    },
  );

  app.post(
    '/api/v1/consultation-answers/:id/prepare',
    stepSchema('Beredningsforumet har berett svaret', s.PrepareBody),
    async (req) => {
      await prepareAnswer(db, req.ctx, req.params.id, req.body as Static<typeof s.PrepareBody>);
      return readAnswer(db, req.ctx, req.params.id);
    },
  );

  app.post(
    '/api/v1/consultation-answers/:id/return',
    stepSchema('Återremittera ett berett svar till utkast, med skäl', s.ReturnBody),
    async (req) => {
      await returnAnswer(db, req.ctx, req.params.id, req.body as Static<typeof s.ReturnBody>);
      return readAnswer(db, req.ctx, req.params.id);
    },
  );

  app.post(
    '/api/v1/consultation-answers/:id/decide',
    stepSchema('Det forum som äger beslutet beslutar svaret (beslutsreferens och datum)', s.DecideBody),
    async (req) => {
      await decideAnswer(db, req.ctx, req.params.id, req.body as Static<typeof s.DecideBody>);
      return readAnswer(db, req.ctx, req.params.id);
    },
  );

  app.post('/api/v1/consultation-answers/:id/send', stepSchema('Markera svaret som skickat', s.SendBody), async (req) => {
    await sendAnswer(db, req.ctx, req.params.id, req.body as Static<typeof s.SendBody>);
    return readAnswer(db, req.ctx, req.params.id);
  });

  app.put(
    '/api/v1/consultation-answers/:id/diarienummer',
    {
      schema: {
        tags,
        summary:
          'Ange (eller ta bort) regionens officiella diarienummer för svaret; ärendenumret förblir Navets interna referens. Unikt bland regionens gällande svar (409).',
        params: IdParams,
        body: s.DiarienummerBody,
        response: { 200: Ok, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      await setAnswerDiarienummer(db, req.ctx, req.params.id, req.body);
      return readAnswer(db, req.ctx, req.params.id);
    },
  );

  app.post(
    '/api/v1/consultation-answers/:id/supersede',
    {
      schema: {
        tags,
        summary: 'Ersätt ett beslutat svar med ett nytt utkast (skäl krävs); svarar med det nya svaret',
        params: IdParams,
        body: s.SupersedeBody,
        response: { 201: Ok, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const newId = await supersedeAnswer(db, req.ctx, req.params.id, req.body);
      return reply.code(201).send(await readAnswer(db, req.ctx, newId));
    },
  );

  app.post(
    '/api/v1/consultation-answers/:id/sections',
    {
      schema: {
        tags,
        summary: 'Lägg till ett avsnitt i utkastet',
        params: IdParams,
        body: s.NewSectionBody,
        response: { 201: Ok, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      await addSection(db, req.ctx, req.params.id, req.body);
      return reply.code(201).send(await readAnswer(db, req.ctx, req.params.id));
    },
  );

  app.put(
    '/api/v1/consultation-answers/:id/sections/:sectionId',
    {
      schema: {
        tags,
        summary: 'Skriv ett avsnitt i utkastet (version per avsnitt; 409 om någon annan hunnit före)',
        params: Type.Object({ id: Uuid, sectionId: Uuid }),
        body: s.SectionBody,
        response: { 200: Ok, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      await updateSection(db, req.ctx, req.params.id, req.params.sectionId, req.body);
      return readAnswer(db, req.ctx, req.params.id);
    },
  );

  app.post(
    '/api/v1/consultation-answers/:id/comments',
    {
      schema: {
        tags,
        summary: 'Kommentera ett avsnitt i utkastet',
        params: IdParams,
        body: s.CommentBody,
        response: { 201: Ok, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      await addComment(db, req.ctx, req.params.id, req.body);
      return reply.code(201).send(await readAnswer(db, req.ctx, req.params.id));
    },
  );

  app.put(
    '/api/v1/consultation-answers/:id/comments/:commentId/response',
    {
      schema: {
        tags,
        summary: 'Besvara en kommentar (hur den har hanterats)',
        params: Type.Object({ id: Uuid, commentId: Uuid }),
        body: s.ResponseBody,
        response: { 200: Ok, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      await respondToComment(db, req.ctx, req.params.id, req.params.commentId, req.body);
      return readAnswer(db, req.ctx, req.params.id);
    },
  );

  const documentOf = (req: { ctx: Parameters<typeof readAnswer>[1] }, id: string): Promise<AnswerDocument> =>
    readAnswerDocument(db, req.ctx, id);
  const fileBase = (d: AnswerDocument) => `Remissvar ${d.caseNumber ?? ''}`.replace(/[/\\]/g, '-').trim();
  const download = { tags, params: IdParams, response: { 200: Type.String(), ...errorResponses(400, 401, 404) } };

  app.get(
    '/api/v1/consultation-answers/:id/document.docx',
    {
      schema: {
        ...download,
        summary: 'Svaret som Word-dokument (brevhuvud, diarienummer, beslut, avsnitt)',
        produces: [CONTENT_TYPES.docx],
      },
    },
    async (req, reply) => {
      const d = await documentOf(req, req.params.id);
      return sendDownload(reply, {
        filename: `${fileBase(d)}.docx`,
        contentType: CONTENT_TYPES['docx'],
        body: await answerToDocx(d),
      });
    },
  );

  app.get(
    '/api/v1/consultation-answers/:id/document.pdf',
    { schema: { ...download, summary: 'Svaret som PDF (taggad, svenska)', produces: [CONTENT_TYPES.pdf] } },
    async (req, reply) => {
      const d = await documentOf(req, req.params.id);
      return sendDownload(reply, {
        filename: `${fileBase(d)}.pdf`,
        contentType: CONTENT_TYPES['pdf'],
        body: await answerToPdf(d),
      });
    },
  );

  app.get(
    '/api/v1/consultation-answers/:id/comments.xlsx',
    {
      schema: { ...download, summary: 'Kommentarstabellen (avsnitt, kommentar, svar) som Excel', produces: [CONTENT_TYPES.xlsx] },
    },
    async (req, reply) => {
      const a = await readAnswer(db, req.ctx, req.params.id);
      const heading = new Map(a.sections.map((x) => [x.id, x.heading]));
      const rows = a.comments.map((c) => ({
        section: heading.get(c.sectionId) ?? '',
        comment: c.body,
        author: c.author,
        createdAt: c.createdAt.slice(0, 10),
        response: c.response,
        respondedBy: c.respondedBy,
      }));
      return sendDownload(reply, {
        filename: `Kommentarer ${a.caseNumber.replace(/[/\\]/g, '-')}.xlsx`,
        contentType: CONTENT_TYPES['xlsx'],
        body: await toXlsx([commentSheet(rows)]),
      });
    },
  );
};
