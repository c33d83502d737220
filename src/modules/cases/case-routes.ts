import { Type, type TSchema } from 'typebox';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import type { RouteModule } from '../../platform/http/app.js';
import { expectedVersion } from '../../platform/http/concurrency.js';
import { sendAtom } from '../../platform/http/atom.js';
import { cachedRead } from '../../platform/http/read-cache.js';
import { errorResponses, Page, VersionHeader } from '../../platform/http/schemas.js';
import { changeCaseStatus } from './change-case-status.js';
import { closeCase } from './close-case.js';
import { escalateCase } from './escalate-case.js';
import { listCaseTransitions } from './list-case-transitions.js';
import { caseListScope, listCases } from './list-cases.js';
import { listMyCases } from './list-my-cases.js';
import { listTriageQueue } from './list-triage-queue.js';
import { presentCaseItem } from './presenter.js';
import { readCase } from './read-case.js';
import { readCaseHistory } from './read-case-history.js';
import { readCaseOptions } from './read-case-options.js';
import { assertMayReadCaseRegister, readCaseRegister } from './read-case-register.js';
import { readCaseRegisterFeed } from './read-case-register-feed.js';
import { registerCase } from './register-case.js';
import * as s from './schemas.js';
import { triageCase } from './triage-case.js';
import { updateCase } from './update-case.js';

const tags = ['Ärenden'];
/** The cases' read version (migration 0060): the case list and the diary are built from the cases table alone. */
const CASE_TOPICS = ['cases'] as const;
/** The diary also checks its region against the geography. */
const REGISTER_TOPICS = ['cases', 'reference'] as const;

/** The schema of a versioned change to one case: the case's id, its version, the change, the case back. */
function caseChangeSchema<B extends TSchema>(summary: string, body: B) {
  return {
    tags,
    summary,
    params: s.IdParams,
    headers: VersionHeader,
    body,
    response: { 200: Type.Ref('CaseDetail'), ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
  };
}

type CaseChange<I> = (db: Db, ctx: Ctx, id: string, version: number, input: I) => Promise<unknown>;

/** A versioned change: the version from If-Match or the body, one use case, the case read back. */
async function changeThenRead<I>(
  db: Db,
  req: {
    ctx: Ctx;
    params: { id: string };
    headers: { 'if-match'?: string | undefined };
    body: I & { version?: number | undefined };
  },
  change: CaseChange<I>,
) {
  requireActor(req.ctx.actor);
  const { version, ...input } = req.body;
  await change(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), input as I);
  return readCase(db, req.ctx, req.params.id);
}

/** Registration, the lists, the case itself and its flow (status, escalation, triage, history). */
export const caseFlowRoutes: RouteModule = (app, { db, config }) => {
  app.post(
    '/api/v1/cases',
    {
      schema: {
        tags,
        summary: 'Registrera ett inkommet ärende; löpnumret räknas per region och år utan luckor',
        body: s.RegisterBody,
        response: { 201: Type.Ref('Case'), ...errorResponses(401, 403, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(presentCaseItem(await registerCase(db, req.ctx, req.body))),
  );

  app.get(
    '/api/v1/cases',
    {
      schema: {
        tags,
        summary: 'Registrerade ärenden i de regioner du har en roll i, nyast först',
        querystring: s.ListQuery,
        response: { 200: Page(Type.Ref('Case')), ...errorResponses(400, 401) },
      },
    },
    async (req, reply) => {
      // Kept per scope and query until a case is written (topic 'cases', bumped at commit).
      const key = JSON.stringify([await caseListScope(db, req.ctx), req.query]);
      return cachedRead(db, req, reply, { topics: CASE_TOPICS, key }, async () => {
        const page = await listCases(db, req.ctx, req.query);
        return { items: page.items.map(presentCaseItem), nextCursor: page.nextCursor };
      });
    },
  );

  app.get(
    '/api/v1/cases/triage-queue',
    {
      schema: {
        tags,
        summary: 'Beredningsforumets kö: nyregistrerade ärenden i regioner där du triagerar, äldst först',
        querystring: s.TriageQueueQuery,
        response: { 200: Page(Type.Ref('CaseDetail')), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => listTriageQueue(db, req.ctx, req.query),
  );

  app.get(
    '/api/v1/cases/mine',
    {
      schema: {
        tags,
        summary: 'Mina ärenden: öppna ärenden du handlägger, registrerat eller har en öppen åtgärdspunkt i; och påminnelser',
        response: { 200: s.MyCases, ...errorResponses(401) },
      },
    },
    async (req) => listMyCases(db, req.ctx),
  );

  app.get(
    '/api/v1/cases/options',
    {
      schema: {
        tags,
        summary: 'Val för ett ärende i en region: beslutande forum och råd, grupper att tilldela och personer',
        querystring: s.OptionsQuery,
        response: { 200: s.CaseOptions, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => readCaseOptions(db, req.ctx, req.query.region),
  );

  app.get(
    '/api/v1/case-register',
    {
      config: { publicRead: true },
      schema: {
        tags,
        summary:
          'Diariet för insyn: datum, diarienummer, avsändare och ärendemening. Sekretessmarkerade ärenden visas med dold avsändare och ärendemening.',
        querystring: s.RegisterQuery,
        response: { 200: Page(s.RegisterEntry), ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      const opts = { publicCaseRegister: config.publicCaseRegister };
      // The caller is checked before the cache: the answer is the same for everyone who may read
      // it, kept per query until a case or the geography is written (an unknown region's 404 is
      // never kept).
      assertMayReadCaseRegister(req.ctx, opts);
      return cachedRead(db, req, reply, { topics: REGISTER_TOPICS, key: JSON.stringify(req.query) }, () =>
        readCaseRegister(db, req.ctx, req.query, opts),
      );
    },
  );

  app.get(
    '/api/v1/feeds/case-register.atom',
    {
      config: { publicRead: true },
      schema: {
        tags,
        summary: 'Diariet för insyn som Atom-flöde (RFC 4287): en regions senast registrerade ärenden, sekretess maskerad',
        querystring: Type.Object({ region: s.RegisterQuery.properties.region }, { additionalProperties: false }),
        produces: ['application/atom+xml'],
        response: { 200: Type.String(), ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      const feed = await readCaseRegisterFeed(db, req.ctx, req.query.region, {
        publicCaseRegister: config.publicCaseRegister,
        publicUrl: config.publicUrl,
      });
      return sendAtom(reply, feed);
    },
  );

  app.get(
    '/api/v1/cases/:id',
    {
      schema: {
        tags,
        summary: 'Ett ärende med handläggning, beredning och vad du får göra; 404 om okänt eller i en region där du saknar roll',
        params: s.IdParams,
        response: { 200: Type.Ref('CaseDetail'), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => readCase(db, req.ctx, req.params.id),
  );

  app.patch(
    '/api/v1/cases/:id',
    {
      schema: caseChangeSchema(
        'Ändra uppgifter, sekretessmarkering, tilldelning (grupp, handläggare, måldatum) och diariets uppgifter (regionens diarienummer, unikt i regionen; klassificering i regionens klassificeringsstruktur); version krävs',
        s.PatchBody,
      ),
    },
    async (req) => changeThenRead(db, req, updateCase),
  );

  app.post(
    '/api/v1/cases/:id/transitions',
    {
      schema: caseChangeSchema(
        'Flytta ärendet i livscykeln (registrerad → under beredning → för beslut → beslutad → under genomförande → avslutad; återremitterad, bordlagd). 422 för en otillåten övergång eller öppna åtgärdspunkter vid avslut, 409 om ärendet redan ändrats eller är avslutat.',
        s.TransitionBody,
      ),
    },
    async (req) => changeThenRead(db, req, changeCaseStatus),
  );

  app.post(
    '/api/v1/cases/:id/close',
    {
      schema: caseChangeSchema(
        'Avsluta ärendet (samma som övergången close). Från beslutad eller under genomförande, eller utan beslut från registrerad eller under beredning med skäl. 422 om en åtgärdspunkt är öppen eller ärendet ligger hos ett forum, 409 om ärendet redan ändrats eller är avslutat.',
        s.CloseBody,
      ),
    },
    async (req) => changeThenRead(db, req, closeCase),
  );

  app.get(
    '/api/v1/cases/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Ärendets statushistorik: varje övergång och lyft med vem, när och varför',
        params: s.IdParams,
        response: { 200: Type.Object({ items: Type.Array(s.Transition) }), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => ({ items: await listCaseTransitions(db, req.ctx, req.params.id) }),
  );

  app.post(
    '/api/v1/cases/:id/escalation',
    {
      schema: caseChangeSchema(
        'Lyft ärendet från taktisk nivå (LPO ordförandeforum, LSG samordnarforum) till kunskapsrådet',
        s.EscalationBody,
      ),
    },
    async (req) => changeThenRead(db, req, escalateCase),
  );

  app.post(
    '/api/v1/cases/:id/triage',
    {
      schema: caseChangeSchema(
        'Beredningsforumets triagering: föreslagen beslutsväg och forum, eller paketering med ett huvudärende. Ett registrerat ärende går till under beredning.',
        s.TriageBody,
      ),
    },
    async (req) => changeThenRead(db, req, triageCase),
  );

  app.get(
    '/api/v1/cases/:id/history',
    {
      schema: {
        tags,
        summary: 'Ärendets granskningslogg: varje ändring av ärendet, dess åtgärdspunkter och handlingar',
        params: s.IdParams,
        response: { 200: Type.Object({ items: Type.Array(s.HistoryEvent) }), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => ({ items: await readCaseHistory(db, req.ctx, req.params.id) }),
  );
};
