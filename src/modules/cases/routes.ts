import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import { can, requireActor } from '../../platform/auth/policy.js';
import type { Actor } from '../../platform/context.js';
import { forbidden, notFound, Problem, staleVersion, unauthorized } from '../../platform/errors.js';
import type { RouteModule } from '../../platform/http/app.js';
import { expectedVersion } from '../../platform/http/concurrency.js';
import { decodeCursor, paginate } from '../../platform/http/pagination.js';
import { errorResponses, IsoDate, Page, PageQuery, Uuid, VersionHeader } from '../../platform/http/schemas.js';
import { ownerScope } from '../organisation/check-group.js';
import { geography } from '../organisation/repository.js';
import { addCaseAction } from './add-case-action.js';
import { setCaseActionDone } from './complete-case-action.js';
import { escalateCase } from './escalate-case.js';
import { linkCase, unlinkCase } from './link-case.js';
import {
  maskCase,
  presentAction,
  presentCase,
  presentCaseDetail,
  presentDocument,
  presentLink,
  presentTransition,
  SECRET_MASK,
} from './presenter.js';
import { registerCase } from './register-case.js';
import * as repo from './repository.js';
import { claimedSha256 } from './rules/file-type.js';
import { CASE_STATUSES, nextStatuses, TRIAGEABLE, ESCALATABLE, type CaseStatus } from './rules/lifecycle.js';
import { assertCanRead, canReadSecret } from './scope.js';
import { transitionCase } from './transition-case.js';
import { triageCase } from './triage-case.js';
import { updateCase } from './update-case.js';
import { sha256Hex, uploadDocument } from './upload-document.js';

const tags = ['Ärenden'];
const ORIGINS = ['national', 'healthcare-region', 'local', 'agency', 'partner'] as const;
const Origin = Type.Union(ORIGINS.map((o) => Type.Literal(o)));
const Status = Type.Union(CASE_STATUSES.map((s) => Type.Literal(s)));
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

const Case = Type.Object(
  {
    id: Uuid,
    region: Type.String(),
    caseNumber: Type.String(),
    year: Type.Integer(),
    sequence: Type.Integer(),
    subject: Type.String(),
    origin: Type.String(),
    sender: Type.String(),
    receivedDate: IsoDate,
    status: Type.String(),
    registeredAt: Type.String({ format: 'date-time' }),
    version: Type.Integer(),
  },
  { $id: 'Case' },
);
const CaseDetail = Type.Object(
  {
    id: Uuid,
    region: Type.String(),
    caseNumber: Type.String(),
    year: Type.Integer(),
    sequence: Type.Integer(),
    subject: Type.String(),
    origin: Type.String(),
    sender: Type.String(),
    receivedDate: IsoDate,
    status: Status,
    registeredAt: Type.String({ format: 'date-time' }),
    version: Type.Integer(),
    assignedGroupId: Nullable(Uuid),
    assignedGroupName: Nullable(Type.String()),
    handlerPersonId: Nullable(Uuid),
    handlerName: Nullable(Type.String()),
    dueDate: Nullable(IsoDate),
    forumGroupId: Nullable(Uuid),
    forumName: Nullable(Type.String()),
    decisionPath: Nullable(Type.String()),
    triageNote: Nullable(Type.String()),
    mainCaseId: Nullable(Uuid),
    mainCaseNumber: Nullable(Type.String()),
    decisionRef: Nullable(Type.String()),
    secret: Type.Boolean({ description: 'Sekretessmarkerat' }),
    secrecyGround: Nullable(Type.String({ description: 'Sekretessgrund (lagrum)' })),
    closedAt: Nullable(Type.String({ format: 'date-time' })),
    openActions: Type.Integer(),
    allowedTransitions: Type.Array(Type.String(), { description: 'Statusar du kan flytta ärendet till nu' }),
    canHandle: Type.Boolean(),
    canTriage: Type.Boolean(),
    canEscalate: Type.Boolean(),
    canChangeSecrecy: Type.Boolean({
      description:
        'Får ändra sekretessmarkeringen (och ett sekretessmarkerat ärendes uppgifter): handlägga och läsa sekretessmarkerade handlingar i regionen',
    }),
  },
  { $id: 'CaseDetail' },
);
const Action = Type.Object(
  {
    id: Uuid,
    caseId: Uuid,
    title: Type.String(),
    ownerPersonId: Nullable(Uuid),
    ownerName: Nullable(Type.String()),
    dueDate: Nullable(IsoDate),
    status: Type.Union([Type.Literal('open'), Type.Literal('done')]),
    doneAt: Nullable(Type.String({ format: 'date-time' })),
    source: Nullable(Type.Object({ meetingId: Uuid, paragraphId: Uuid })),
    version: Type.Integer(),
  },
  { $id: 'CaseAction' },
);
const Link = Type.Object({
  id: Uuid,
  targetType: Type.String(),
  targetId: Uuid,
  relation: Type.String(),
  note: Nullable(Type.String()),
  targetCaseNumber: Nullable(Type.String()),
  targetSubject: Nullable(Type.String()),
});
const Document = Type.Object(
  {
    id: Uuid,
    caseId: Uuid,
    fileName: Type.String(),
    contentType: Type.String(),
    sizeBytes: Type.Integer(),
    sha256: Nullable(Type.String({ description: 'null i ett sekretessmarkerat ärende för den som inte får läsa handlingarna' })),
    uploadedBy: Type.String(),
    uploadedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'CaseDocument' },
);
const Transition = Type.Object({
  id: Uuid,
  from: Type.String(),
  to: Type.String(),
  kind: Type.String(),
  reason: Nullable(Type.String()),
  forumGroupId: Nullable(Uuid),
  forumName: Nullable(Type.String()),
  decisionRef: Nullable(Type.String()),
  actor: Type.String(),
  at: Type.String({ format: 'date-time' }),
});
const HistoryEvent = Type.Object({
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  action: Type.String(),
  after: Type.Unknown(),
});
const RegisterEntry = Type.Object({
  receivedDate: IsoDate,
  caseNumber: Type.String(),
  sender: Type.String(),
  subject: Type.String(),
  secret: Type.Boolean(),
});
const GroupOption = Type.Object({ id: Uuid, name: Type.String(), kind: Type.String() });
const PersonOption = Type.Object({ id: Uuid, name: Type.String() });

const RegisterBody = Type.Object(
  {
    region: Type.String({ pattern: '^[0-9]{2}$', description: 'Länskod' }),
    subject: Type.String({ minLength: 1, maxLength: 500 }),
    origin: Origin,
    sender: Type.String({ minLength: 1, maxLength: 300 }),
    receivedDate: IsoDate,
    secret: Type.Optional(Type.Boolean({ description: 'Sekretessmarkering' })),
    secrecyGround: Type.Optional(
      Nullable(Type.String({ maxLength: 500, description: 'Sekretessgrund, t.ex. "OSL 25 kap. 1 §"' })),
    ),
  },
  { additionalProperties: false },
);
const ListQuery = Type.Object(
  {
    ...PageQuery,
    region: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  },
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: Uuid });
const version = Type.Optional(Type.Integer({ minimum: 1 }));
const PatchBody = Type.Object(
  {
    version,
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    sender: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    origin: Type.Optional(Origin),
    secret: Type.Optional(Type.Boolean()),
    secrecyGround: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    assignedGroupId: Type.Optional(Nullable(Uuid)),
    handlerPersonId: Type.Optional(Nullable(Uuid)),
    dueDate: Type.Optional(Nullable(IsoDate)),
  },
  { additionalProperties: false },
);
const TransitionBody = Type.Object(
  {
    version,
    to: Status,
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    forumGroupId: Type.Optional(Uuid),
    decisionRef: Type.Optional(Type.String({ maxLength: 300, description: 'Var beslutet finns, t.ex. protokollsparagraf' })),
  },
  { additionalProperties: false },
);
const EscalationBody = Type.Object(
  { version, forumGroupId: Uuid, reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
const TriageBody = Type.Object(
  {
    version,
    decisionPath: Type.Union([
      Type.Literal('forum-decision'),
      Type.Literal('delegated'),
      Type.Literal('information'),
      Type.Literal('bundled'),
    ]),
    forumGroupId: Type.Optional(Nullable(Uuid)),
    mainCaseId: Type.Optional(Nullable(Uuid)),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
const ActionBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 500 }),
    ownerPersonId: Type.Optional(Nullable(Uuid)),
    ownerName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    dueDate: Type.Optional(Nullable(IsoDate)),
  },
  { additionalProperties: false },
);
const VersionBody = Type.Object({ version }, { additionalProperties: false });
const LinkBody = Type.Object(
  {
    targetType: Type.Union([Type.Literal('case'), Type.Literal('knowledge-support'), Type.Literal('consultation')]),
    targetId: Uuid,
    note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);
const UploadQuery = Type.Object(
  {
    fileName: Type.Optional(
      Type.String({ minLength: 1, maxLength: 255, description: 'Filens namn (eller rubriken X-File-Name)' }),
    ),
    sha256: Type.Optional(Type.String({ description: 'SHA-256 i hex (eller rubriken Repr-Digest/Digest)' })),
  },
  { additionalProperties: false },
);

/** Regions where the actor holds a permission (for the lists). */
async function regionsWith(db: Parameters<typeof geography>[0], actor: Actor, permission: 'cases.read' | 'cases.triage') {
  const geo = await geography(db);
  return [...geo.regionHealthcareRegions.keys()].filter((r) => can(actor, permission, ownerScope(r, geo)));
}

/** A secret case's particulars are shown only to those who read secret material in its region. */
const showsSecret = (c: { secret: boolean; region_code: string }, actor: Actor | undefined) =>
  !c.secret || canReadSecret(actor, c.region_code);
const masked = <T extends { subject: string; sender: string }>(
  row: T & { secret: boolean; region_code: string },
  actor: Actor | undefined,
) => maskCase(row, showsSecret(row, actor));

export const caseRoutes: RouteModule = async (app, { db, config }) => {
  app.addSchema(Case);
  app.addSchema(CaseDetail);
  app.addSchema(Action);
  app.addSchema(Document);

  /** The case page's view of a case: its flow fields and what the caller may do with it. */
  async function detail(id: string, actor: Actor | undefined) {
    const c = await repo.getCaseDetail(db, id);
    if (!c) throw notFound('Ärendet');
    const scope = await assertCanRead(db, actor, c.region_code);
    const canHandle = can(actor, 'cases.handle', scope);
    const canTriage = can(actor, 'cases.triage', scope);
    const status = c.status as CaseStatus;
    const allowed = canHandle
      ? nextStatuses(status).filter((s) => !(c.main_case_id && (s === 'for-beslut' || s === 'beslutad')))
      : [];
    return {
      ...presentCaseDetail(masked(c, actor)),
      allowedTransitions: [...allowed],
      canHandle,
      canTriage: canTriage && TRIAGEABLE.includes(status),
      canEscalate: canHandle && ESCALATABLE.includes(status) && !c.main_case_id,
      // The rule of updateCase: the marking changes only with the right to read secret material in the region.
      canChangeSecrecy: canHandle && canReadSecret(actor, c.region_code),
    };
  }

  async function readableCase(id: string, actor: Actor | undefined) {
    requireActor(actor);
    const c = await repo.getCase(db, id);
    if (!c) throw notFound('Ärendet');
    await assertCanRead(db, actor, c.region_code);
    return c as repo.CaseFlowRow; // SELECT * carries the flow columns (secret)
  }

  app.post(
    '/api/v1/cases',
    {
      schema: {
        tags,
        summary: 'Registrera ett inkommet ärende; löpnumret räknas per region och år utan luckor',
        body: RegisterBody,
        response: { 201: Type.Ref('Case'), ...errorResponses(401, 403, 422) },
      },
    },
    async (req, reply) => {
      const { secret, secrecyGround, ...rest } = req.body;
      const input = {
        ...rest,
        ...(secret !== undefined ? { secret } : {}),
        ...(secrecyGround !== undefined ? { secrecyGround } : {}),
      };
      return reply.code(201).send(presentCase(await registerCase(db, req.ctx, input)));
    },
  );

  app.get(
    '/api/v1/cases',
    {
      schema: {
        tags,
        summary: 'Registrerade ärenden i de regioner du har en roll i, nyast först',
        querystring: ListQuery,
        response: { 200: Page(Type.Ref('Case')), ...errorResponses(400, 401) },
      },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      const actor = req.ctx.actor;
      const visible = await regionsWith(db, actor, 'cases.read');
      const limit = req.query.limit ?? 50;
      const after = decodeCursor(req.query.cursor, 3) as [number, number, string] | undefined;
      const rows = await repo.listCases(db, {
        regionCodes: visible,
        limit,
        ...(req.query.region ? { region: req.query.region } : {}),
        ...(req.query.year ? { year: req.query.year } : {}),
        ...(after ? { after } : {}),
      });
      const page = paginate(rows, limit, (c) => [c.year, c.sequence, c.region_code]);
      return { items: page.items.map((c) => presentCase(masked(c as repo.CaseFlowRow, actor))), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/cases/triage-queue',
    {
      schema: {
        tags,
        summary: 'Beredningsforumets kö: nyregistrerade ärenden i regioner där du triagerar, äldst först',
        querystring: Type.Object(
          { ...PageQuery, region: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })) },
          { additionalProperties: false },
        ),
        response: { 200: Page(Type.Ref('CaseDetail')), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      const actor = req.ctx.actor;
      let regions = await regionsWith(db, actor, 'cases.triage');
      if (req.query.region) regions = regions.filter((r) => r === req.query.region);
      if (!regions.length) throw forbidden('Du triagerar inte ärenden i någon region.');
      const limit = req.query.limit ?? 50;
      const after = decodeCursor(req.query.cursor, 3) as [number, number, string] | undefined;
      const rows = await repo.listByStatus(db, { regionCodes: regions, statuses: ['registrerad'], limit, after });
      const page = paginate(rows, limit, (c) => [c.year, c.sequence, c.region_code]);
      return { items: await Promise.all(page.items.map((c) => detail(c.id, actor))), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/cases/mine',
    {
      schema: {
        tags,
        summary: 'Mina ärenden: öppna ärenden du handlägger, registrerat eller har en öppen åtgärdspunkt i; och påminnelser',
        response: {
          200: Type.Object({
            items: Type.Array(Type.Ref('CaseDetail')),
            notices: Type.Array(
              Type.Object({ actionId: Uuid, caseId: Uuid, caseNumber: Type.String(), title: Type.String(), dueDate: IsoDate }),
            ),
          }),
          ...errorResponses(401),
        },
      },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      const actor = req.ctx.actor;
      const rows = await repo.casesOfUser(db, actor.email.toLowerCase());
      const geo = await geography(db);
      const readable = rows.filter((c) => can(actor, 'cases.read', ownerScope(c.region_code, geo)));
      const items = await Promise.all(readable.map((c) => detail(c.id, actor)));
      const notices = (await repo.noticesOf(db, actor.email.toLowerCase()))
        .filter((n) => readable.some((c) => c.id === n.case_id))
        .map((n) => ({
          actionId: n.action_id,
          caseId: n.case_id,
          caseNumber: n.case_number,
          title: n.title,
          dueDate: n.due_date,
        }));
      return { items, notices };
    },
  );

  app.get(
    '/api/v1/cases/options',
    {
      schema: {
        tags,
        summary: 'Val för ett ärende i en region: beslutande forum och råd, grupper att tilldela och personer',
        querystring: Type.Object({ region: Type.String({ pattern: '^[0-9]{2}$' }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            forums: Type.Array(GroupOption),
            groups: Type.Array(GroupOption),
            persons: Type.Array(PersonOption),
          }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      const geo = await geography(db);
      if (
        !geo.regionHealthcareRegions.has(req.query.region) ||
        !can(req.ctx.actor, 'cases.read', ownerScope(req.query.region, geo))
      ) {
        throw forbidden('Du har ingen roll för ärenden i regionen.');
      }
      const groups = await repo.regionGroups(db, req.query.region);
      const persons = await repo.regionPersons(db, req.query.region);
      const opt = (g: repo.GroupRef) => ({ id: g.id, name: g.name, kind: g.kind });
      return {
        forums: groups.filter((g) => ['forum', 'council', 'steering-group', 'political-body'].includes(g.kind)).map(opt),
        groups: groups.filter((g) => g.kind !== 'political-body').map(opt),
        persons,
      };
    },
  );

  app.get(
    '/api/v1/case-register',
    {
      schema: {
        tags,
        summary:
          'Diariet för insyn: datum, diarienummer, avsändare och ärendemening. Sekretessmarkerade ärenden visas med dold avsändare och ärendemening.',
        querystring: Type.Object(
          {
            ...PageQuery,
            region: Type.String({ pattern: '^[0-9]{2}$' }),
            year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Page(RegisterEntry), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => {
      if (!config.publicCaseRegister && !req.ctx.actor) throw unauthorized();
      const geo = await geography(db);
      if (!geo.regionHealthcareRegions.has(req.query.region)) throw notFound('Regionen');
      const limit = req.query.limit ?? 50;
      const after = decodeCursor(req.query.cursor, 2) as [number, number] | undefined;
      const rows = await repo.registerView(db, { region: req.query.region, year: req.query.year, limit, after });
      const page = paginate(rows, limit, (c) => [c.year, c.sequence]);
      return {
        items: page.items.map((c) => ({
          receivedDate: c.received_date,
          caseNumber: c.case_number,
          sender: c.secret ? SECRET_MASK.sender : c.sender,
          subject: c.secret ? SECRET_MASK.subject : c.subject,
          secret: c.secret,
        })),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.get(
    '/api/v1/cases/:id',
    {
      schema: {
        tags,
        summary: 'Ett ärende med handläggning, beredning och vad du får göra; 404 om okänt eller i en region där du saknar roll',
        params: IdParams,
        response: { 200: Type.Ref('CaseDetail'), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      return detail(req.params.id, req.ctx.actor);
    },
  );

  app.patch(
    '/api/v1/cases/:id',
    {
      schema: {
        tags,
        summary: 'Ändra uppgifter, sekretessmarkering och tilldelning (grupp, handläggare, måldatum); version krävs',
        params: IdParams,
        headers: VersionHeader,
        body: PatchBody,
        response: { 200: Type.Ref('CaseDetail'), ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      const { version: v, ...patch } = req.body;
      const expected = expectedVersion(req.headers['if-match'], v);
      await updateCase(db, req.ctx, req.params.id, expected, patch);
      return detail(req.params.id, req.ctx.actor);
    },
  );

  app.post(
    '/api/v1/cases/:id/transitions',
    {
      schema: {
        tags,
        summary:
          'Flytta ärendet i livscykeln (registrerad → under beredning → för beslut → beslutad → under genomförande → avslutad; återremitterad, bordlagd). 422 för en otillåten övergång eller öppna åtgärdspunkter vid avslut, 409 om ärendet redan ändrats eller är avslutat.',
        params: IdParams,
        headers: VersionHeader,
        body: TransitionBody,
        response: { 200: Type.Ref('CaseDetail'), ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      const { version: v, to, ...opts } = req.body;
      const expected = expectedVersion(req.headers['if-match'], v);
      await db.transaction(async (tx) => {
        const c = await repo.lockCase(tx, req.params.id);
        if (!c) throw notFound('Ärendet');
        await assertCanRead(tx, req.ctx.actor, c.region_code);
        if (c.version !== expected) {
          // A second "close" of a closed case is a conflict either way; say which.
          if (c.status === 'avslutad') throw new Problem(409, 'Konflikt', 'Ärendet är redan avslutat.');
          throw staleVersion(c.version);
        }
        await transitionCase(tx, req.ctx, req.params.id, to, {
          ...(opts.reason !== undefined ? { reason: opts.reason } : {}),
          ...(opts.forumGroupId !== undefined ? { forumGroupId: opts.forumGroupId } : {}),
          ...(opts.decisionRef !== undefined ? { decisionRef: opts.decisionRef } : {}),
        });
      });
      return detail(req.params.id, req.ctx.actor);
    },
  );

  app.get(
    '/api/v1/cases/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Ärendets statushistorik: varje övergång och lyft med vem, när och varför',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Transition) }), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => {
      const show = showsSecret(await readableCase(req.params.id, req.ctx.actor), req.ctx.actor);
      return { items: (await repo.transitionsOf(db, req.params.id)).map((tr) => presentTransition(tr, show)) };
    },
  );

  app.post(
    '/api/v1/cases/:id/escalation',
    {
      schema: {
        tags,
        summary: 'Lyft ärendet från taktisk nivå (LPO ordförandeforum, LSG samordnarforum) till kunskapsrådet',
        params: IdParams,
        headers: VersionHeader,
        body: EscalationBody,
        response: { 200: Type.Ref('CaseDetail'), ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req) => {
      await readableCase(req.params.id, req.ctx.actor);
      const expected = expectedVersion(req.headers['if-match'], req.body.version);
      await escalateCase(db, req.ctx, req.params.id, expected, { forumGroupId: req.body.forumGroupId, reason: req.body.reason });
      return detail(req.params.id, req.ctx.actor);
    },
  );

  app.post(
    '/api/v1/cases/:id/triage',
    {
      schema: {
        tags,
        summary:
          'Beredningsforumets triagering: föreslagen beslutsväg och forum, eller paketering med ett huvudärende. Ett registrerat ärende går till under beredning.',
        params: IdParams,
        headers: VersionHeader,
        body: TriageBody,
        response: { 200: Type.Ref('CaseDetail'), ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req) => {
      await readableCase(req.params.id, req.ctx.actor);
      const { version: v, ...input } = req.body;
      const expected = expectedVersion(req.headers['if-match'], v);
      await triageCase(db, req.ctx, req.params.id, expected, input);
      return detail(req.params.id, req.ctx.actor);
    },
  );

  app.get(
    '/api/v1/cases/:id/history',
    {
      schema: {
        tags,
        summary: 'Ärendets granskningslogg: varje ändring av ärendet, dess åtgärdspunkter och handlingar',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(HistoryEvent) }), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => {
      const c = await readableCase(req.params.id, req.ctx.actor);
      const secretOk = showsSecret(c, req.ctx.actor);
      return {
        items: (await repo.historyOf(db, req.params.id)).map((e) => ({
          at: e.at.toISOString(),
          actor: e.actor_label,
          entityType: e.entity_type,
          entityId: e.entity_id,
          action: e.action,
          after: secretOk ? (e.after ?? null) : null,
        })),
      };
    },
  );

  // ---- Action items ----

  app.get(
    '/api/v1/cases/:id/actions',
    {
      schema: {
        tags,
        summary: 'Ärendets åtgärdspunkter, öppna först',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('CaseAction')) }), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => {
      const show = showsSecret(await readableCase(req.params.id, req.ctx.actor), req.ctx.actor);
      return { items: (await repo.actionsOf(db, req.params.id)).map((a) => presentAction(a, show)) };
    },
  );

  app.post(
    '/api/v1/cases/:id/actions',
    {
      schema: {
        tags,
        summary: 'Lägg till en åtgärdspunkt med ansvarig och måldatum',
        params: IdParams,
        body: ActionBody,
        response: { 201: Type.Ref('CaseAction'), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const c = await readableCase(req.params.id, req.ctx.actor);
      const { id } = await db.transaction((tx) => addCaseAction(tx, req.ctx, { caseId: req.params.id, ...req.body }));
      return reply.code(201).send(presentAction((await repo.getAction(db, id))!, showsSecret(c, req.ctx.actor)));
    },
  );

  for (const [verb, done] of [
    ['complete', true],
    ['reopen', false],
  ] as const) {
    app.post(
      `/api/v1/case-actions/:id/${verb}`,
      {
        schema: {
          tags,
          summary: done ? 'Markera en åtgärdspunkt som klar' : 'Öppna en klar åtgärdspunkt igen',
          params: IdParams,
          headers: VersionHeader,
          body: VersionBody,
          response: { 200: Type.Ref('CaseAction'), ...errorResponses(400, 401, 403, 404, 409, 428) },
        },
      },
      async (req) => {
        requireActor(req.ctx.actor);
        const expected = expectedVersion(req.headers['if-match'], req.body.version);
        const a = await setCaseActionDone(db, req.ctx, req.params.id, expected, done);
        return presentAction(a, showsSecret((await repo.getCase(db, a.case_id)) as repo.CaseFlowRow, req.ctx.actor));
      },
    );
  }

  // ---- Links ----

  app.get(
    '/api/v1/cases/:id/links',
    {
      schema: {
        tags,
        summary: 'Länkar till andra ärenden, kunskapsstöd och remissomgångar (länkar mellan ärenden visas åt båda hållen)',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Link) }), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => {
      const c = await readableCase(req.params.id, req.ctx.actor);
      const secretOk = canReadSecret(req.ctx.actor, c.region_code);
      return { items: (await repo.linksOf(db, req.params.id)).map((l) => presentLink(l, secretOk)) };
    },
  );

  app.post(
    '/api/v1/cases/:id/links',
    {
      schema: {
        tags,
        summary: 'Länka ärendet till ett annat ärende, ett kunskapsstöd eller en remissomgång',
        params: IdParams,
        body: LinkBody,
        response: { 201: Type.Object({ id: Uuid }), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      await readableCase(req.params.id, req.ctx.actor);
      return reply.code(201).send(await linkCase(db, req.ctx, req.params.id, req.body));
    },
  );

  app.delete(
    '/api/v1/case-links/:id',
    {
      schema: {
        tags,
        summary: 'Ta bort en länk',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      requireActor(req.ctx.actor);
      const link = await repo.getLink(db, req.params.id);
      if (!link) throw notFound('Länken');
      await readableCase(link.case_id, req.ctx.actor);
      await unlinkCase(db, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  // ---- Documents ----

  app.get(
    '/api/v1/cases/:id/documents',
    {
      schema: {
        tags,
        summary:
          'Ärendets handlingar (metadata med SHA-256). I ett sekretessmarkerat ärende visas filnamnen bara för den som får läsa handlingarna.',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('CaseDocument')) }), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => {
      // The list follows the rule for reading the documents themselves (the download below).
      const show = showsSecret(await readableCase(req.params.id, req.ctx.actor), req.ctx.actor);
      return { items: (await repo.documentsOf(db, req.params.id)).map((d) => presentDocument(d, show)) };
    },
  );

  // The upload takes the file itself as the body (any content type), so it gets its own parser
  // and size limit in an encapsulated context; the rest of the API stays JSON only.
  await app.register(async (plain) => {
    const files = plain.withTypeProvider<TypeBoxTypeProvider>();
    files.removeAllContentTypeParsers();
    files.addContentTypeParser('*', (_req, payload, done) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let failed = false;
      payload.on('data', (chunk: Buffer) => {
        if (failed) return;
        size += chunk.length;
        if (size > config.uploadMaxBytes) {
          failed = true;
          done(tooLarge(config.uploadMaxBytes), undefined);
          payload.resume();
          return;
        }
        chunks.push(chunk);
      });
      payload.on('end', () => {
        if (!failed) done(null, Buffer.concat(chunks));
      });
      payload.on('error', (err: Error) => {
        if (!failed) done(err, undefined);
      });
    });
    files.post(
      '/api/v1/cases/:id/documents',
      {
        bodyLimit: config.uploadMaxBytes,
        schema: {
          tags,
          summary:
            'Ladda upp en handling: kroppen är filen själv (application/octet-stream eller filens typ), filnamnet i ?fileName= eller X-File-Name. Typen avgörs av innehållet (PDF, DOCX, XLSX, ODT, PNG, JPEG, text, CSV). Skicka gärna SHA-256 i Repr-Digest/Digest/X-Checksum-Sha256; fel kontrollsumma avvisas. För stor fil → 413.',
          params: IdParams,
          querystring: UploadQuery,
          response: { 201: Type.Ref('CaseDocument'), ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422) },
        },
      },
      async (req, reply) => {
        requireActor(req.ctx.actor);
        const c = await repo.getCase(db, req.params.id);
        if (!c) throw notFound('Ärendet');
        await assertCanRead(db, req.ctx.actor, c.region_code);
        const declared = Number(req.headers['content-length']);
        if (Number.isFinite(declared) && declared > config.uploadMaxBytes) throw tooLarge(config.uploadMaxBytes);
        const bytes: unknown = req.body;
        if (!(bytes instanceof Buffer)) throw new Problem(415, 'Fel innehållstyp', 'Skicka filen själv som kropp.');
        const header = (name: string) => {
          const v = req.headers[name];
          return typeof v === 'string' ? v : undefined;
        };
        const fileName = req.query.fileName ?? decodeFileNameHeader(header('x-file-name'));
        if (!fileName) {
          throw new Problem(422, 'Ogiltiga uppgifter', 'Ange filens namn i ?fileName= eller rubriken X-File-Name.', [
            { path: 'fileName', message: 'saknas' },
          ]);
        }
        const hex = req.query.sha256 ?? header('x-checksum-sha256');
        const claimed = claimedSha256({
          ...(hex !== undefined ? { hex } : {}),
          ...(header('repr-digest') !== undefined ? { reprDigest: header('repr-digest')! } : {}),
          ...(header('digest') !== undefined ? { digest: header('digest')! } : {}),
        });
        const row = await uploadDocument(db, req.ctx, req.params.id, { fileName, bytes, claimedSha256: claimed });
        return reply.code(201).send(presentDocument(row, showsSecret(c as repo.CaseFlowRow, req.ctx.actor)));
      },
    );
  });

  app.get(
    '/api/v1/case-documents/:id/content',
    {
      schema: {
        tags,
        summary:
          'Hämta en handling. Kontrollsumman verifieras före sändning. Handlingar i sekretessmarkerade ärenden kräver läsbehörighet i regionen.',
        params: IdParams,
        response: {
          200: Type.Unsafe<Buffer>({
            type: 'string',
            format: 'binary',
            description: 'Handlingens innehåll, med sin egen Content-Type',
          }),
          ...errorResponses(400, 401, 403, 404, 500),
        },
      },
    },
    async (req, reply) => {
      requireActor(req.ctx.actor);
      const d = await repo.getDocument(db, req.params.id);
      if (!d) throw notFound('Handlingen');
      const c = (await repo.getCaseDetail(db, d.case_id))!;
      await assertCanRead(db, req.ctx.actor, c.region_code);
      if (c.secret && !canReadSecret(req.ctx.actor, c.region_code)) {
        throw forbidden('Handlingen hör till ett sekretessmarkerat ärende och kräver läsbehörighet för ärenden i regionen.');
      }
      const bytes = Buffer.from(d.content);
      if (sha256Hex(bytes) !== d.sha256 || bytes.length !== d.size_bytes) {
        req.log.error({ documentId: d.id }, 'case document failed its checksum');
        throw new Problem(
          500,
          'Handlingen är skadad',
          `Handlingen stämmer inte med sin kontrollsumma och lämnas inte ut. Ange begärans id ${req.id} till supporten.`,
        );
      }
      if (c.secret) {
        await db.transaction((tx) =>
          recordAudit(tx, req.ctx, { entityType: 'case-document', entityId: d.id, action: 'download', after: { caseId: c.id } }),
        );
      }
      const ascii = d.file_name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return reply
        .header('content-type', d.content_type)
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(d.file_name)}`)
        .header('x-content-type-options', 'nosniff')
        .header('content-length', String(bytes.length))
        .header('repr-digest', `sha-256=:${Buffer.from(d.sha256, 'hex').toString('base64')}:`)
        .header('etag', `"${d.sha256}"`)
        .send(bytes);
    },
  );
};

function tooLarge(max: number): Problem {
  const mb = (max / (1024 * 1024)).toLocaleString('sv-SE', { maximumFractionDigits: 1 });
  return new Problem(413, 'Filen är för stor', `Filen får vara högst ${mb} MB (${max} byte).`, [
    { path: 'file', message: 'för stor' },
  ]);
}

/** X-File-Name may be percent-encoded so that å, ä, ö survive an HTTP header. */
function decodeFileNameHeader(v: string | undefined): string | undefined {
  if (!v) return undefined;
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}
