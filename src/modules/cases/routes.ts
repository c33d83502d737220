import { Type } from 'typebox';
import { can, requireActor } from '../../platform/auth/policy.js';
import { notFound } from '../../platform/errors.js';
import type { RouteModule } from '../../platform/http/app.js';
import { decodeCursor, paginate } from '../../platform/http/pagination.js';
import { errorResponses, IsoDate, Page, PageQuery, Uuid } from '../../platform/http/schemas.js';
import { ownerScope } from '../organisation/check-group.js';
import { geography } from '../organisation/repository.js';
import { presentCase } from './presenter.js';
import { registerCase } from './register-case.js';
import * as repo from './repository.js';

const tags = ['Ärenden'];
const Origin = Type.Union(['national', 'healthcare-region', 'local', 'agency', 'partner'].map((o) => Type.Literal(o)));
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
const RegisterBody = Type.Object(
  {
    region: Type.String({ pattern: '^[0-9]{2}$', description: 'Länskod' }),
    subject: Type.String({ minLength: 1, maxLength: 500 }),
    origin: Origin,
    sender: Type.String({ minLength: 1, maxLength: 300 }),
    receivedDate: IsoDate,
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

export const caseRoutes: RouteModule = (app, { db }) => {
  app.addSchema(Case);

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
      return reply.code(201).send(presentCase(await registerCase(db, req.ctx, req.body)));
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
      const geo = await geography(db);
      const visible = [...geo.regionHealthcareRegions.keys()].filter((r) => can(actor, 'cases.read', ownerScope(r, geo)));
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
      return { items: page.items.map(presentCase), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/v1/cases/:id',
    {
      schema: {
        tags,
        summary: 'Ett ärende; 404 om okänt eller i en region där du saknar roll',
        params: Type.Object({ id: Uuid }),
        response: { 200: Type.Ref('Case'), ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => {
      requireActor(req.ctx.actor);
      const c = await repo.getCase(db, req.params.id);
      if (!c || !can(req.ctx.actor, 'cases.read', ownerScope(c.region_code, await geography(db)))) throw notFound('Ärendet');
      return presentCase(c);
    },
  );
};
