import './audit.js';
import { Type } from 'typebox';
import { requireActor } from '../../platform/auth/policy.js';
import { CONTENT_TYPES } from '../../platform/export/spreadsheet.js';
import { sendDownload } from '../../platform/http/download.js';
import type { RouteModule } from '../../platform/http/app.js';
import { expectedVersion } from '../../platform/http/concurrency.js';
import { errorResponses, Uuid } from '../../platform/http/schemas.js';
import { presentPerson } from '../people/index.js';
import { anonymisePerson, previewAnonymisation } from './anonymise-person.js';
import { extractToDocx } from './extract-docx.js';
import { presentRetentionRule } from './presenter.js';
import { registerExtract } from './register-extract.js';
import * as repo from './repository.js';
import { exportArchivePackage } from './export-archive-package.js';
import { runGallring } from './run-gallring.js';
import {
  AnonymisationPreview,
  AnonymiseBody,
  GallringBody,
  GallringReport,
  RegisterExtractSchema,
  RetentionRule,
  RetentionRuleBody,
} from './schemas.js';
import { updateRetentionRule } from './update-retention-rule.js';

const tags = ['Registerutdrag, anonymisering och bevarande'];
const IdParams = Type.Object({ id: Uuid });

export const recordsRoutes: RouteModule = (app, { db }) => {
  app.addSchema(RetentionRule);

  app.get(
    '/api/v1/people/:id/register-extract',
    {
      config: { rateLimit: 'export' },
      schema: {
        tags,
        summary:
          'Registerutdrag (GDPR art. 15): allt Navet har om personen, som JSON; personen själv eller den som förvaltar registret',
        params: IdParams,
        response: { 200: RegisterExtractSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => registerExtract(db, req.ctx, req.params.id),
  );

  app.get(
    '/api/v1/people/:id/register-extract.docx',
    {
      schema: {
        tags,
        summary: 'Registerutdraget som läsbart Word-dokument',
        params: IdParams,
        response: { 200: Type.String({ description: 'DOCX' }), ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      const extract = await registerExtract(db, req.ctx, req.params.id);
      return sendDownload(reply, {
        filename: `registerutdrag-${req.params.id.slice(0, 8)}.docx`,
        contentType: CONTENT_TYPES.docx,
        body: await extractToDocx(extract),
      });
    },
  );

  app.get(
    '/api/v1/people/:id/anonymisation',
    {
      schema: {
        tags,
        summary: 'Vad en anonymisering skulle göra, vad som bevaras och varför, och vad som hindrar den',
        params: IdParams,
        response: { 200: AnonymisationPreview, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => previewAnonymisation(db, req.ctx, req.params.id),
  );

  app.post(
    '/api/v1/people/:id/anonymise',
    {
      schema: {
        tags,
        summary: 'Anonymisera en person som slutat; 422 så länge något uppdrag pågår eller ett anspråk är öppet',
        params: IdParams,
        body: AnonymiseBody,
        response: { 200: Type.Ref('Person'), ...errorResponses(401, 403, 404, 409, 422, 428) },
      },
    },
    async (req) =>
      presentPerson(
        await anonymisePerson(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], req.body.version)),
      ),
  );

  app.get(
    '/api/v1/retention-rules',
    {
      schema: {
        tags,
        summary: 'Bevarande- och gallringsregler per typ av uppgift, med rättslig grund',
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('RetentionRule')) }), ...errorResponses(401) },
      },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      return { items: (await repo.listRetentionRules(db)).map(presentRetentionRule) };
    },
  );

  app.put(
    '/api/v1/retention-rules/:recordType',
    {
      schema: {
        tags,
        summary: 'Ändra en bevaranderegel (administratörer)',
        params: Type.Object({ recordType: Type.String({ pattern: '^[a-z-]{1,60}$' }) }),
        body: RetentionRuleBody,
        response: { 200: Type.Ref('RetentionRule'), ...errorResponses(400, 401, 403, 404, 409, 428) },
      },
    },
    async (req) => {
      const { version, ...rest } = req.body;
      return presentRetentionRule(
        await updateRetentionRule(db, req.ctx, req.params.recordType, expectedVersion(req.headers['if-match'], version), rest),
      );
    },
  );

  app.post(
    '/api/v1/records/gallring',
    {
      schema: {
        tags,
        summary:
          'Gallring enligt bevarandereglerna: torrkörning (rapport per regel) eller utförande, granskningsloggat (registeradministratörer)',
        body: GallringBody,
        response: { 200: GallringReport, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (req) => runGallring(db, req.ctx, { dryRun: req.body.dryRun }),
  );

  app.get(
    '/api/v1/cases/:id/archive-package',
    {
      config: { rateLimit: 'export' },
      schema: {
        tags,
        summary:
          'E-arkivpaket (FGS 2.0: E-ARK CSIP/SIP med METS, CITS ERMS 2.1.2 och PREMIS 3.0) för ett avslutat ärende, som ZIP; 409 för ärenden som inte är avslutade',
        params: IdParams,
        response: { 200: Type.String({ description: 'ZIP' }), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const p = await exportArchivePackage(db, req.ctx, req.params.id);
      return sendDownload(reply, { filename: p.filename, contentType: 'application/zip', body: p.body });
    },
  );
};
