import { Type } from 'typebox';
import type { RouteModule } from '../../platform/http/app.js';
import { CONTENT_TYPES } from '../../platform/export/spreadsheet.js';
import { sendDownload } from '../../platform/http/download.js';
import { errorResponses, Uuid } from '../../platform/http/schemas.js';
import { answerToDocx, answerToPdf, type AnswerDocument } from './documents/answer-document.js';
import { jointAnswerDocument } from './documents/read-answer-document.js';
import { approveJointAnswer } from './approve-joint-answer.js';
import { createJointAnswer } from './create-joint-answer.js';
import { readJointAnswer } from './read-joint-answer.js';
import { sendJointAnswer } from './send-joint-answer.js';
import { updateJointSection } from './update-joint-section.js';
import { presentJoint } from './presenter.js';
import * as s from './schemas.js';

const tags = ['Gemensamma remissvar'];
const IdParams = Type.Object({ id: Uuid });
const Ok = Type.Ref('ConsultationJointAnswer');

export const jointRoutes: RouteModule = (app, { db }) => {
  app.addSchema(s.Joint);
  const read = async (ctx: Parameters<typeof readJointAnswer>[1], id: string) => {
    const r = await readJointAnswer(db, ctx, id);
    return presentJoint(r.joint, r);
  };

  app.post(
    '/api/v1/consultation-joint-answers',
    {
      schema: {
        tags,
        summary: 'Starta sjukvårdsregionens gemensamma svar: samordnas av ett RPO (eller RCC), godkänns av ledningsgruppen',
        body: s.CreateJointBody,
        response: { 201: Ok, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(await read(req.ctx, await createJointAnswer(db, req.ctx, req.body))),
  );

  app.get(
    '/api/v1/consultation-joint-answers/:id',
    {
      schema: {
        tags,
        summary: 'Det gemensamma svaret med medlemsregionernas underlag sida vid sida',
        params: IdParams,
        response: { 200: Ok, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => read(req.ctx, req.params.id),
  );

  app.put(
    '/api/v1/consultation-joint-answers/:id/sections/:sectionId',
    {
      schema: {
        tags,
        summary: 'Skriv ett avsnitt i det gemensamma svaret',
        params: Type.Object({ id: Uuid, sectionId: Uuid }),
        body: s.SectionBody,
        response: { 200: Ok, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      await updateJointSection(db, req.ctx, req.params.id, req.params.sectionId, req.body);
      return read(req.ctx, req.params.id);
    },
  );

  app.post(
    '/api/v1/consultation-joint-answers/:id/approve',
    {
      schema: {
        tags,
        summary: 'Ledningsgruppen godkänner det gemensamma svaret',
        params: IdParams,
        body: s.ApproveBody,
        response: { 200: Ok, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      await approveJointAnswer(db, req.ctx, req.params.id, req.body);
      return read(req.ctx, req.params.id);
    },
  );

  app.post(
    '/api/v1/consultation-joint-answers/:id/send',
    {
      schema: {
        tags,
        summary: 'Markera det gemensamma svaret som skickat',
        params: IdParams,
        body: s.JointSendBody,
        response: { 200: Ok, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      await sendJointAnswer(db, req.ctx, req.params.id, req.body);
      return read(req.ctx, req.params.id);
    },
  );

  const doc = async (ctx: Parameters<typeof readJointAnswer>[1], id: string): Promise<AnswerDocument> =>
    jointAnswerDocument(db, await read(ctx, id));
  const download = { tags, params: IdParams, response: { 200: Type.String(), ...errorResponses(400, 401, 404) } };

  app.get(
    '/api/v1/consultation-joint-answers/:id/document.docx',
    { schema: { ...download, summary: 'Det gemensamma svaret som Word-dokument', produces: [CONTENT_TYPES.docx] } },
    async (req, reply) => {
      const d = await doc(req.ctx, req.params.id);
      return sendDownload(reply, {
        filename: `Gemensamt remissvar ${d.issuer}.docx`,
        contentType: CONTENT_TYPES['docx'],
        body: await answerToDocx(d),
      });
    },
  );

  app.get(
    '/api/v1/consultation-joint-answers/:id/document.pdf',
    { schema: { ...download, summary: 'Det gemensamma svaret som PDF', produces: [CONTENT_TYPES.pdf] } },
    async (req, reply) => {
      const d = await doc(req.ctx, req.params.id);
      return sendDownload(reply, {
        filename: `Gemensamt remissvar ${d.issuer}.pdf`,
        contentType: CONTENT_TYPES['pdf'],
        body: await answerToPdf(d),
      });
    },
  );
};
