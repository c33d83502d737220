import './audit.js';
import { Type } from 'typebox';
import { requireActor } from '../../platform/auth/policy.js';
import { todayInSweden } from '../../platform/clock.js';
import { notFound, unauthorized } from '../../platform/errors.js';
import type { RouteModule } from '../../platform/http/app.js';
import { decodeCursor, paginate } from '../../platform/http/pagination.js';
import { expectedVersion } from '../../platform/http/concurrency.js';
import { errorResponses, Page, Uuid } from '../../platform/http/schemas.js';
import { getGroup } from '../organisation/index.js';
import { peoplePolicy } from './policy.js';
import { appointMember } from './appoint-member.js';
import { createPerson } from './create-person.js';
import { importPersons } from './import-persons.js';
import { Expiring, ExpiringQuery, listExpiring } from './expiring.js';
import { presentDeclaration, presentMembership, presentPerson, presentPublicMembership } from './presenter.js';
import * as repo from './repository.js';
import { reviewJavDeclaration } from './review-jav-declaration.js';
import { declarationLifecycle, NOT_YET_ASKED } from './rules/declaration-lifecycle.js';
import { currentDeclaration } from './rules/membership.js';
import { allowedActions } from '../../platform/lifecycle/lifecycle.js';
import {
  CreatePersonBody,
  Declaration,
  DeclarationBody,
  Membership,
  EndMembershipBody,
  MembershipBody,
  MembershipPatchBody,
  Person,
  PersonDetail,
  PersonImportBody,
  PersonImportReport,
  PersonListQuery,
  PublicMembership,
  ReviewBody,
} from './schemas.js';
import { submitJavDeclaration } from './submit-jav-declaration.js';
import { endMembership } from './end-membership.js';
import { updateMembership } from './update-membership.js';

const tags = ['Personer och uppdrag'];
const IdParams = Type.Object({ id: Uuid });

export const peopleRoutes: RouteModule = (app, { db, config }) => {
  app.addSchema(Person);
  app.addSchema(Declaration);
  app.addSchema(Membership);
  app.addSchema(PublicMembership);
  app.addSchema(PersonImportReport);

  app.post(
    '/api/v1/people',
    {
      schema: {
        tags,
        summary: 'Registrera en person',
        body: CreatePersonBody,
        response: { 201: Type.Ref('Person'), ...errorResponses(401, 403, 409, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(presentPerson(await createPerson(db, req.ctx, req.body))),
  );

  app.post(
    '/api/v1/people/imports',
    {
      schema: {
        tags,
        summary:
          'Läs in personer från en CSV-fil (base64). dryRun ger rapporten per rad (ny, finns redan, fel); annars registreras de nya i en transaktion. Befintliga personer ändras aldrig.',
        body: PersonImportBody,
        response: {
          200: Type.Ref('PersonImportReport'),
          201: Type.Ref('PersonImportReport'),
          ...errorResponses(400, 401, 403, 409, 422),
        },
      },
    },
    async (req, reply) => {
      const report = await importPersons(db, req.ctx, req.body);
      return reply.code(report.dryRun ? 200 : 201).send(report);
    },
  );

  app.get(
    '/api/v1/people',
    {
      schema: {
        tags,
        summary: 'Personer i de register du förvaltar',
        querystring: PersonListQuery,
        response: { 200: Page(Type.Ref('Person')), ...errorResponses(400, 401) },
      },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      const limit = req.query.limit ?? 50;
      const after = decodeCursor(req.query.cursor, 2) as [string, string] | undefined;
      // The registers this caller manages or reviews: their own scopes (and the regions below a healthcare region).
      const owners = await peoplePolicy(req.ctx, db).registers(['people.manage', 'jav.review']);
      const rows = await repo.listPersons(db, {
        limit,
        ...(owners ? { owners } : {}),
        ...(req.query.q ? { q: req.query.q } : {}),
        ...(after ? { after } : {}),
      });
      const page = paginate(rows, limit, (p) => [p.sortKey, p.id]);
      return { items: page.items.map(presentPerson), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/people/:id',
    {
      schema: {
        tags,
        summary: 'En person med uppdrag och jävsdeklarationer; 404 om okänd eller inte synlig',
        params: IdParams,
        response: { 200: PersonDetail, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => {
      if (!req.ctx.actor) throw unauthorized();
      const policy = peoplePolicy(req.ctx, db);
      const p = await repo.getPerson(db, req.params.id);
      if (!p || !(await policy.maySee(p))) throw notFound('Personen');
      const [memberships, declarations] = await Promise.all([repo.membershipsOfPerson(db, p.id), repo.declarationsOf(db, p.id)]);
      const details = await policy.maySeeDetails(p);
      const actions = await Promise.all(declarations.map((d) => policy.declarationActions(p, d)));
      const current = currentDeclaration(
        declarations.map((d) => ({ id: d.id, status: d.status, submittedAt: new Date(d.submittedAt), validUntil: d.validUntil })),
        todayInSweden(),
      );
      return {
        ...presentPerson(p),
        memberships: memberships.map((m) => presentMembership(m)),
        declarations: declarations.map((d, i) => presentDeclaration(d, details, actions[i])),
        currentDeclaration: current.ok
          ? { ok: true, reason: null, message: null, validUntil: current.validUntil }
          : { ok: false, reason: current.reason, message: current.message, validUntil: null },
        permissions: await policy.permissions(p),
      };
    },
  );

  app.post(
    '/api/v1/people/:id/jav-declarations',
    {
      schema: {
        tags,
        summary: 'Lämna in en jävsdeklaration ("inget att deklarera" är ett uttryckligt svar)',
        params: IdParams,
        body: DeclarationBody,
        response: { 201: Type.Ref('JavDeclaration'), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(presentDeclaration(await submitJavDeclaration(db, req.ctx, req.params.id, req.body), true)),
  );

  app.get(
    '/api/v1/jav-declarations',
    {
      schema: {
        tags,
        summary: 'Granskningskön: inlämnade deklarationer som du får granska',
        response: { 200: Page(Type.Ref('JavDeclaration')), ...errorResponses(401) },
      },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      const actor = req.ctx.actor;
      const scope = peoplePolicy(req.ctx, db).scope;
      const rows = await repo.declarationQueue(db, undefined);
      const mine = await Promise.all(rows.map((d) => scope.may('jav.review', d.homeOwner)));
      const visible = rows.filter((d, i) => mine[i] && d.submittedBy !== actor.userId);
      return {
        items: visible.map((d) =>
          presentDeclaration(
            d,
            true,
            declarationLifecycle.isStatus(d.status) ? allowedActions(declarationLifecycle, d.status, NOT_YET_ASKED) : [],
          ),
        ),
        nextCursor: null,
      };
    },
  );

  app.post(
    '/api/v1/jav-declarations/:id/review',
    {
      schema: {
        tags,
        summary: 'Granska en jävsdeklaration: godkänn, godkänn med begränsningar, eller skicka tillbaka; egen deklaration → 403',
        params: IdParams,
        body: ReviewBody,
        response: { 200: Type.Ref('JavDeclaration'), ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req) =>
      presentDeclaration(
        await reviewJavDeclaration(db, req.ctx, req.params.id, req.body, { validityYears: config.javValidityYears }),
        true,
      ),
  );

  app.get(
    '/api/v1/expiring',
    {
      schema: {
        tags,
        summary: 'Uppdrag som slutar och jävsdeklarationer som går ut inom N dagar (utgångna flaggar personens uppdrag)',
        querystring: ExpiringQuery,
        response: { 200: Expiring, ...errorResponses(400, 401) },
      },
    },
    async (req) => listExpiring(db, req.ctx, { days: req.query.days ?? 90 }),
  );

  app.post(
    '/api/v1/groups/:id/memberships',
    {
      schema: {
        tags,
        summary: 'Utse en person till gruppen; 422 när aktuell godkänd jävsdeklaration saknas',
        params: IdParams,
        body: MembershipBody,
        response: { 201: Type.Ref('Membership'), ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.code(201).send(presentMembership(await appointMember(db, req.ctx, req.params.id, req.body))),
  );

  app.get(
    '/api/v1/groups/:id/memberships',
    {
      schema: {
        tags,
        summary:
          'Gruppens ledamöter och roller med period; utan inloggning bara det offentliga registrets uppgifter (namn, roll, grupp, arbetsgivare, period)',
        params: IdParams,
        response: {
          200: Page(Type.Union([Type.Ref('Membership'), Type.Ref('PublicMembership')])),
          ...errorResponses(401, 404),
        },
      },
    },
    async (req) => {
      // Names of members are the public register's content: anonymous readers need both switches on.
      if ((!config.publicStructure || !config.publicRegister) && !req.ctx.actor) throw unauthorized();
      if (!(await getGroup(db, req.params.id))) throw notFound('Gruppen');
      const rows = await repo.membershipsOfGroup(db, req.params.id);
      // Anonymous readers get the register's facts only: no ids, reasons or declaration status.
      const items = req.ctx.actor ? rows.map((m) => presentMembership(m)) : rows.map(presentPublicMembership);
      return { items, nextCursor: null };
    },
  );

  app.patch(
    '/api/v1/memberships/:id',
    {
      schema: {
        tags,
        summary: 'Ändra ett uppdrag (roll, period, region) med samma regler som Utse; version krävs, 409 vid inaktuell',
        params: IdParams,
        body: MembershipPatchBody,
        response: { 200: Type.Ref('Membership'), ...errorResponses(401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const { version, ...patch } = req.body;
      const row = await updateMembership(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), patch);
      return reply.header('etag', `"${row.version}"`).send(presentMembership(row));
    },
  );

  app.post(
    '/api/v1/memberships/:id/end',
    {
      schema: {
        tags,
        summary: 'Avsluta ett uppdrag i förtid (slutdatum och skäl); version krävs',
        params: IdParams,
        body: EndMembershipBody,
        response: { 200: Type.Ref('Membership'), ...errorResponses(401, 403, 404, 409, 422, 428) },
      },
    },
    async (req) => {
      const { version, ...input } = req.body;
      return presentMembership(
        await endMembership(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), input),
      );
    },
  );
};
