import { Type } from 'typebox';
import type { RouteModule } from '../../platform/http/app.js';
import { errorResponses, Uuid } from '../../platform/http/schemas.js';
import { presentSurvey } from './presenter.js';
import { readAnswer } from './read-answers.js';
import type { Question } from './rules/survey.js';
import * as s from './schemas.js';
import { addSurveyRecipients } from './add-survey-recipients.js';
import { closeSurveyNow } from './close-survey.js';
import { reissueSurveyLinks } from './reissue-survey-links.js';
import { surveyProgress } from './read-survey.js';
import { openSurveyForm, respondToSurvey } from './respond-to-survey.js';
import { sendSurvey } from './send-survey.js';

const tags = ['Remissvar'];
const IdParams = Type.Object({ id: Uuid });
const TokenHeader = Type.Object({
  'x-survey-token': Type.Optional(Type.String({ maxLength: 200, description: 'Token ur den personliga länken (delen efter #)' })),
});

export const surveyRoutes: RouteModule = (app, { db, config }) => {
  app.post(
    '/api/v1/consultation-answers/:id/survey',
    {
      schema: {
        tags,
        summary: 'Skicka gapanalysenkäten till berörda enheter; svarar med en personlig länk per enhet (visas bara nu)',
        params: IdParams,
        body: s.SurveyBody,
        response: {
          201: Type.Object({ answer: Type.Ref('ConsultationAnswer'), links: s.Links }),
          ...errorResponses(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (req, reply) => {
      const body = { ...req.body, questions: req.body.questions as Question[] };
      const { links } = await sendSurvey(db, req.ctx, req.params.id, body, { publicUrl: config.publicUrl });
      return reply.code(201).send({ answer: await readAnswer(db, req.ctx, req.params.id), links });
    },
  );

  app.get(
    '/api/v1/consultation-surveys/:id',
    {
      schema: {
        tags,
        summary: 'Enkätens framsteg: vilka enheter som svarat och svaren sammanställda per fråga',
        params: IdParams,
        response: { 200: Type.Ref('ConsultationSurvey'), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => {
      const p = await surveyProgress(db, req.ctx, req.params.id);
      return presentSurvey(p.survey, p.recipients, p.access.lead);
    },
  );

  app.post(
    '/api/v1/consultation-surveys/:id/recipients',
    {
      schema: {
        tags,
        summary: 'Skicka enkäten till fler enheter (nya personliga länkar)',
        params: IdParams,
        body: s.RecipientsBody,
        response: { 201: Type.Object({ links: s.Links }), ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (req, reply) =>
      reply.code(201).send({
        links: await addSurveyRecipients(db, req.ctx, req.params.id, req.body.recipients, { publicUrl: config.publicUrl }),
      }),
  );

  app.post(
    '/api/v1/consultation-surveys/:id/links',
    {
      schema: {
        tags,
        summary:
          'Nya personliga länkar (de gamla slutar fungera), mejlade där adress finns: för de enheter som anges, annars en påminnelse till alla som inte har svarat',
        params: IdParams,
        body: s.ReissueLinksBody,
        response: { 201: Type.Object({ links: s.Links }), ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (req, reply) =>
      reply.code(201).send({
        links: await reissueSurveyLinks(db, req.ctx, req.params.id, req.body.recipientIds, { publicUrl: config.publicUrl }),
      }),
  );

  app.post(
    '/api/v1/consultation-surveys/:id/close',
    {
      schema: {
        tags,
        summary: 'Stäng enkäten: länkarna slutar fungera',
        params: IdParams,
        response: { 200: Type.Ref('ConsultationSurvey'), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      await closeSurveyNow(db, req.ctx, req.params.id);
      const p = await surveyProgress(db, req.ctx, req.params.id);
      return presentSurvey(p.survey, p.recipients, p.access.lead);
    },
  );

  // The public side: a personal link, no account. The token travels in a header, never in the URL.
  app.get(
    '/api/v1/survey-form/:id',
    {
      schema: {
        tags: ['Enkät (publik)'],
        summary: 'Öppna enkäten med din personliga länk (utan konto); 404 för okänd länk, 410 när enkäten stängt',
        params: IdParams,
        headers: TokenHeader,
        response: { 200: s.SurveyForm, ...errorResponses(400, 404, 410) },
      },
    },
    async (req, reply) => {
      const f = await openSurveyForm(db, req.params.id, req.headers['x-survey-token']);
      void reply.header('cache-control', 'no-store');
      return {
        surveyId: f.survey.id,
        title: f.survey.title,
        intro: f.survey.intro,
        regionName: f.regionName,
        roundTitle: f.roundTitle,
        closesOn: f.survey.closesOn,
        unit: f.recipient.unit,
        questions: f.survey.questions,
        answers: f.recipient.answers,
        respondedAt: f.recipient.respondedAt,
      };
    },
  );

  app.put(
    '/api/v1/survey-form/:id',
    {
      schema: {
        tags: ['Enkät (publik)'],
        summary: 'Lämna (eller ändra) enhetens svar så länge enkäten är öppen',
        params: IdParams,
        headers: TokenHeader,
        body: s.SurveyAnswersBody,
        response: { 204: Type.Null(), ...errorResponses(400, 404, 410, 422) },
      },
    },
    async (req, reply) => {
      await respondToSurvey(db, req.ctx, req.params.id, req.headers['x-survey-token'], req.body.answers);
      return reply.code(204).send(null);
    },
  );
};
