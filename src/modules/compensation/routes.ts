import { Type } from 'typebox';
import { requireActor } from '../../platform/auth/policy.js';
import { clock } from '../../platform/clock.js';
import { notFound } from '../../platform/errors.js';
import { CONTENT_TYPES } from '../../platform/export/spreadsheet.js';
import { sendDownload } from '../../platform/http/download.js';
import type { RouteModule } from '../../platform/http/app.js';
import { expectedVersion } from '../../platform/http/concurrency.js';
import { errorResponses, Page, Uuid } from '../../platform/http/schemas.js';
import './audit.js';
import { decideClaim } from './decide-claim.js';
import { exportPayroll } from './export-payroll.js';
import { compensationPolicy } from './policy.js';
import { presentAssignment, presentClaim, presentParticipant, presentRateModel } from './presenter.js';
import { recordAssignment } from './record-assignment.js';
import { recordParticipant, updateParticipant } from './record-participant.js';
import * as repo from './repository.js';
import { createRateModel, updateRateModel } from './save-rate-model.js';
import {
  Assignment,
  AssignmentBody,
  Claim,
  ClaimBody,
  ClaimListQuery,
  DecideBody,
  ExportQuery,
  Participant,
  ParticipantBody,
  ParticipantPatch,
  Quote,
  QuoteQuery,
  RateGap,
  RateModel,
  RateModelBody,
  RateModelPatch,
  ResubmitBody,
  Totals,
  TotalsQuery,
  VersionBody,
} from './schemas.js';
import { gapsIn } from './rules/amounts.js';
import { quoteClaim, submitClaim } from './submit-claim.js';
import { yearlyTotals } from './totals.js';

const tags = ['Ersättning till personer med patienterfarenhet'];
const IdParams = Type.Object({ id: Uuid });
const P = '/api/v1/compensation';

export const compensationRoutes: RouteModule = (app, { db }) => {
  app.addSchema(RateModel);
  app.addSchema(Participant);
  app.addSchema(Assignment);
  app.addSchema(Claim);

  // ---- the rate model ----
  app.get(
    `${P}/rate-models`,
    {
      schema: {
        tags,
        summary: 'Ersättningsmodellerna (arvoden, reseersättning, inkomstbortfall) med giltighetsperiod, senaste först',
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref('CompensationRateModel')), gaps: Type.Array(RateGap) }),
          ...errorResponses(401),
        },
      },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      const models = await repo.listRateModels(db);
      return {
        items: await Promise.all(models.map(async (m) => presentRateModel(m, await repo.claimsUsingModel(db, m.id)))),
        // from 1 January this year on: the days no model covers, where no claim can be priced
        gaps: gapsIn(models, `${clock.year()}-01-01`, null),
      };
    },
  );

  app.post(
    `${P}/rate-models`,
    {
      schema: {
        tags,
        summary: 'Lägg till en ersättningsmodell som gäller från ett datum (administratörer)',
        body: RateModelBody,
        response: { 201: Type.Ref('CompensationRateModel'), ...errorResponses(401, 403, 409, 422) },
      },
    },
    async (req, reply) => {
      const row = await createRateModel(db, req.ctx, {
        ...req.body,
        validTo: req.body.validTo ?? null,
        lossOfIncomeMaxOrePerDay: req.body.lossOfIncomeMaxOrePerDay ?? null,
        source: req.body.source ?? null,
      });
      return reply.code(201).send(presentRateModel(row, 0));
    },
  );

  app.patch(
    `${P}/rate-models/:id`,
    {
      schema: {
        tags,
        summary: 'Ändra en ersättningsmodell; redan inlämnade anspråk behåller sina belopp',
        params: IdParams,
        body: RateModelPatch,
        response: { 200: Type.Ref('CompensationRateModel'), ...errorResponses(401, 403, 404, 409, 422, 428) },
      },
    },
    async (req) => {
      const { version, ...rest } = req.body;
      const row = await updateRateModel(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), {
        ...rest,
        validTo: rest.validTo ?? null,
        lossOfIncomeMaxOrePerDay: rest.lossOfIncomeMaxOrePerDay ?? null,
        source: rest.source ?? null,
      });
      return presentRateModel(row, await repo.claimsUsingModel(db, row.id));
    },
  );

  // ---- participants and assignments ----
  app.get(
    `${P}/participants`,
    {
      schema: {
        tags,
        summary: 'Personer med patienterfarenhet: rekrytering och introduktion (egna, eller i grupper du är processtöd för)',
        querystring: Type.Object({ personId: Type.Optional(Uuid) }, { additionalProperties: false }),
        response: { 200: Page(Type.Ref('CompensationParticipant')), ...errorResponses(400, 401) },
      },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      const policy = await compensationPolicy(req.ctx, db);
      const rows = await repo.listParticipants(db, {
        visibility: policy.visibility(),
        ...(req.query.personId ? { personId: req.query.personId } : {}),
      });
      const items = rows
        .map((p) => ({ p, manage: policy.mayManageGroup(p.groupId, p.groupOwner) }))
        .filter(({ p, manage }) => manage || policy.isPerson(p.personEmail))
        .map(({ p, manage }) => presentParticipant(p, manage));
      return { items, nextCursor: null };
    },
  );

  app.post(
    `${P}/participants`,
    {
      schema: {
        tags,
        summary: 'Registrera att en person med patienterfarenhet rekryterats till en grupp',
        body: ParticipantBody,
        response: { 201: Type.Ref('CompensationParticipant'), ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(presentParticipant(await recordParticipant(db, req.ctx, req.body), true)),
  );

  app.patch(
    `${P}/participants/:id`,
    {
      schema: {
        tags,
        summary: 'Ändra rekrytering och introduktion (t.ex. datum för introduktionen)',
        params: IdParams,
        body: ParticipantPatch,
        response: { 200: Type.Ref('CompensationParticipant'), ...errorResponses(401, 403, 404, 409, 422, 428) },
      },
    },
    async (req) => {
      const { version, ...rest } = req.body;
      return presentParticipant(
        await updateParticipant(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), rest),
        true,
      );
    },
  );

  app.post(
    `${P}/participants/:id/assignments`,
    {
      schema: {
        tags,
        summary: 'Registrera ett uppdrag (möte eller arbete i gruppen) med tidsåtgång',
        params: IdParams,
        body: AssignmentBody,
        response: { 201: Type.Ref('CompensationAssignment'), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(presentAssignment(await recordAssignment(db, req.ctx, req.params.id, req.body))),
  );

  app.get(
    `${P}/assignments`,
    {
      schema: {
        tags,
        summary: 'Uppdrag du får se: dina egna, och i grupper du är processtöd för',
        querystring: Type.Object(
          { personId: Type.Optional(Uuid), unclaimed: Type.Optional(Type.Boolean({ description: 'bara uppdrag utan anspråk' })) },
          { additionalProperties: false },
        ),
        response: { 200: Page(Type.Ref('CompensationAssignment')), ...errorResponses(400, 401) },
      },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      const policy = await compensationPolicy(req.ctx, db);
      const rows = await repo.listAssignments(db, {
        visibility: policy.visibility(),
        ...(req.query.personId ? { personId: req.query.personId } : {}),
        ...(req.query.unclaimed ? { unclaimed: true } : {}),
      });
      const items = rows.filter((a) => policy.isPerson(a.personEmail) || policy.mayManageGroup(a.groupId, a.groupOwner));
      return { items: items.map(presentAssignment), nextCursor: null };
    },
  );

  // ---- claims ----
  app.get(
    `${P}/quote`,
    {
      schema: {
        tags,
        summary: 'Vad ett anspråk för uppdraget blir (beräknas, sparas inte)',
        querystring: QuoteQuery,
        response: { 200: Quote, ...errorResponses(400, 401, 404, 422) },
      },
    },
    async (req) => {
      const q = await quoteClaim(db, req.ctx, req.query);
      return {
        rateModelId: q.rateModelId,
        rateModelName: q.modelName,
        amounts: {
          feeOre: q.feeOre,
          mileageOre: q.mileageOre,
          travelCostsOre: q.travelCostsOre,
          lossOfIncomeOre: q.lossOfIncomeOre,
          totalOre: q.totalOre,
        },
      };
    },
  );

  app.get(
    `${P}/claims`,
    {
      schema: {
        tags,
        summary: 'Ersättningsanspråk du får se: dina egna, och i grupper du attesterar för',
        querystring: ClaimListQuery,
        response: { 200: Page(Type.Ref('CompensationClaim')), ...errorResponses(400, 401) },
      },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      const policy = await compensationPolicy(req.ctx, db);
      const mine = req.query.scope === 'mine';
      const rows = await repo.listClaims(db, {
        visibility: mine ? { owners: [], groupIds: [], email: req.ctx.actor.email } : policy.visibility(),
        ...(req.query.status ? { status: req.query.status } : {}),
        ...(req.query.year ? { year: req.query.year } : {}),
        ...(req.query.personId ? { personId: req.query.personId } : {}),
        ...(req.query.groupId ? { groupId: req.query.groupId } : {}),
      });
      const items = rows
        .filter((c) => (mine ? policy.isPerson(c.personEmail) : policy.claim(c).visible))
        .map((c) => presentClaim(c, policy));
      return { items, nextCursor: null };
    },
  );

  app.post(
    `${P}/claims`,
    {
      schema: {
        tags,
        summary: 'Lämna in ett ersättningsanspråk för ett uppdrag (personen själv eller processtöd för deras räkning)',
        body: ClaimBody,
        response: { 201: Type.Ref('CompensationClaim'), ...errorResponses(401, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const row = await submitClaim(db, req.ctx, req.body);
      return reply.code(201).send(presentClaim(row, await compensationPolicy(req.ctx, db)));
    },
  );

  app.get(
    `${P}/claims/:id`,
    {
      schema: {
        tags,
        summary: 'Ett ersättningsanspråk; 404 om du inte får se det',
        params: IdParams,
        response: { 200: Type.Ref('CompensationClaim'), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      const policy = await compensationPolicy(req.ctx, db);
      const c = await repo.getClaim(db, req.params.id);
      if (!c || !policy.claim(c).visible) throw notFound('Anspråket');
      return presentClaim(c, policy);
    },
  );

  const decide = (action: 'approve' | 'return' | 'withdraw', summary: string) =>
    app.post(
      `${P}/claims/:id/${action}`,
      {
        schema: {
          tags,
          summary,
          params: IdParams,
          body: action === 'withdraw' ? VersionBody : DecideBody,
          response: { 200: Type.Ref('CompensationClaim'), ...errorResponses(401, 403, 404, 409, 422) },
        },
      },
      async (req) => {
        const body = req.body as { version: number; comment?: string };
        const row = await decideClaim(db, req.ctx, req.params.id, action, { version: body.version, comment: body.comment });
        return presentClaim(row, await compensationPolicy(req.ctx, db));
      },
    );
  decide('approve', 'Godkänn (attestera) ett anspråk — processtöd eller samordnare i gruppens region, aldrig eget');
  decide('return', 'Skicka tillbaka ett anspråk för rättelse (kommentar krävs)');
  decide('withdraw', 'Ta tillbaka ett inskickat eller återskickat anspråk');

  app.post(
    `${P}/claims/:id/resubmit`,
    {
      schema: {
        tags,
        summary: 'Skicka in ett återskickat anspråk igen, med rättade uppgifter',
        params: IdParams,
        body: ResubmitBody,
        response: { 200: Type.Ref('CompensationClaim'), ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req) => {
      const { version, ...travel } = req.body;
      const row = await decideClaim(db, req.ctx, req.params.id, 'resubmit', { version, travel });
      return presentClaim(row, await compensationPolicy(req.ctx, db));
    },
  );

  app.get(
    `${P}/payroll-export`,
    {
      config: { rateLimit: 'export' },
      schema: {
        tags,
        summary: 'Underlag för utbetalning: godkända anspråk som CSV eller XLSX (processtöd, samordnare, administratörer)',
        querystring: ExportQuery,
        response: {
          200: Type.String({ description: 'CSV (semikolonseparerad) eller XLSX' }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (req, reply) => {
      const file = await exportPayroll(db, req.ctx, req.query);
      return sendDownload(reply, { filename: file.fileName, contentType: CONTENT_TYPES[file.kind], body: file.body });
    },
  );

  app.get(
    `${P}/totals`,
    {
      schema: {
        tags,
        summary: 'Årssummor av godkända anspråk per person och per grupp, inom det du får se',
        querystring: TotalsQuery,
        response: { 200: Totals, ...errorResponses(400, 401) },
      },
    },
    async (req) => yearlyTotals(db, req.ctx, req.query.year),
  );
};
