/** HTTP for implementation status, the national heatmap, operational plans and open data. */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { notFound, unauthorized } from '../../platform/errors.js';
import { sendDownload, toCsv, toXlsx, type Column } from '../../platform/export/spreadsheet.js';
import type { RouteModule } from '../../platform/http/app.js';
import { expectedVersion } from '../../platform/http/concurrency.js';
import { errorResponses, Uuid, VersionHeader } from '../../platform/http/schemas.js';
import { geography, groupsAt } from '../organisation/repository.js';
import { heatmap } from './heatmap.js';
import { followupScope, mayReadFollowup } from './read-access.js';
import * as impl from './implementation-repository.js';
import { compareWithPrevious, createPlan, getPlan, listPlans, transitionPlan, updatePlan, type PlanItem } from './plans.js';
import { STATUS_SV } from './report.js';
import * as repo from './repository.js';
import {
  CreatePlanBody,
  CreateStatusBody,
  FileQuery,
  Heatmap,
  HeatmapQuery,
  ImplementationStatus,
  Plan,
  PlanSummary,
  RegionDrill,
  StatusHistory,
  TransitionPlanBody,
  UpdatePlanBody,
  UpdateStatusBody,
} from './schemas.js';
import { createImplementationStatus, presentStatus, updateImplementationStatus } from './set-implementation-status.js';
import { statusHistory } from './status-history.js';

const tags = ['Införande och planer'];
const IdParams = Type.Object({ id: Uuid });
const EXPORT_MAX = 20_000;

type ItemIn = Omit<Partial<PlanItem>, 'priority' | 'title' | 'rationaleKind'> &
  Pick<PlanItem, 'priority' | 'title' | 'rationaleKind'>;
const items = (list: ItemIn[]): PlanItem[] =>
  list.map((i) => ({
    priority: i.priority,
    title: i.title.trim(),
    rationaleKind: i.rationaleKind,
    rationale: i.rationale ?? null,
    ownerName: i.ownerName ?? null,
    supportId: i.supportId ?? null,
    startsOn: i.startsOn ?? null,
    endsOn: i.endsOn ?? null,
    workingGroupStartsOn: i.workingGroupStartsOn ?? null,
    progress: i.progress ?? 'not-started',
  }));

export const implementationRoutes: RouteModule = (app, { db, config }) => {
  app.addSchema(ImplementationStatus);

  const mayRead = (req: FastifyRequest) => {
    if (!config.publicFollowup && !req.ctx.actor) throw unauthorized();
  };
  const signedIn = (req: FastifyRequest) => {
    if (!req.ctx.actor) throw unauthorized();
  };
  /** A status the caller may read in detail (read-access.ts), or 404. */
  const readableStatus = async (req: FastifyRequest, id: string) => {
    signedIn(req);
    const row = await impl.getStatus(db, id);
    const scope = row && followupScope({ regionCode: row.region_code, groupId: row.group_id }, await geography(db));
    if (!row || !scope || !mayReadFollowup(req.ctx.actor, scope)) throw notFound('Statusen');
    return row;
  };

  app.get(
    '/api/v1/implementation-statuses',
    {
      schema: {
        tags,
        summary: 'Införandestatus per kunskapsstöd (version) och region eller LPO',
        querystring: Type.Object(
          {
            region: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
            supportId: Type.Optional(Uuid),
            groupId: Type.Optional(Uuid),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(Type.Ref('ImplementationStatus')), nextCursor: Type.Null() }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (req) => {
      signedIn(req);
      const geo = await geography(db);
      const rows = (await impl.listStatuses(db, { ...req.query, limit: req.query.limit ?? 200 })).filter((r) =>
        mayReadFollowup(req.ctx.actor, followupScope({ regionCode: r.region_code, groupId: r.group_id }, geo)),
      );
      return { items: rows.map(presentStatus), nextCursor: null };
    },
  );

  app.get(
    '/api/v1/implementation-statuses/:id',
    {
      schema: {
        tags,
        summary: 'En införandestatus',
        params: IdParams,
        response: { 200: Type.Ref('ImplementationStatus'), ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      const row = await readableStatus(req, req.params.id);
      return reply.header('etag', `"${row.version}"`).send(presentStatus(row));
    },
  );

  app.get(
    '/api/v1/implementation-statuses/:id/history',
    {
      schema: {
        tags,
        summary: 'En införandestatus historik: varje status den haft och från vilket datum, nyast först',
        params: IdParams,
        response: { 200: StatusHistory, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => {
      await readableStatus(req, req.params.id);
      return { items: await statusHistory(db, req.params.id) };
    },
  );

  app.post(
    '/api/v1/implementation-statuses',
    {
      schema: {
        tags,
        summary: 'Registrera ett kunskapsstöds införandestatus i en region (regionens samordnare)',
        body: CreateStatusBody,
        response: { 201: Type.Ref('ImplementationStatus'), ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const row = await createImplementationStatus(
        db,
        req.ctx,
        { supportVersionId: b.supportVersionId, regionCode: b.regionCode, groupId: b.groupId ?? null },
        {
          kind: b.kind ?? 'implement',
          status: b.status,
          notApplicableReason: b.notApplicableReason ?? null,
          decisionDate: b.decisionDate ?? null,
          decisionForum: b.decisionForum ?? null,
          decisionCaseRef: b.decisionCaseRef ?? null,
          responsibleGroupId: b.responsibleGroupId ?? null,
          plannedStart: b.plannedStart ?? null,
          plannedDone: b.plannedDone ?? null,
          actualStart: b.actualStart ?? null,
          actualDone: b.actualDone ?? null,
          notes: b.notes ?? null,
        },
      );
      return reply.code(201).header('etag', `"${row.version}"`).send(presentStatus(row));
    },
  );

  app.patch(
    '/api/v1/implementation-statuses/:id',
    {
      schema: {
        tags,
        summary: 'Ändra en införandestatus enligt tillståndsmaskinen (If-Match krävs)',
        params: IdParams,
        headers: VersionHeader,
        body: UpdateStatusBody,
        response: { 200: Type.Ref('ImplementationStatus'), ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const { version, ...patch } = req.body;
      const row = await updateImplementationStatus(
        db,
        req.ctx,
        req.params.id,
        expectedVersion(req.headers['if-match'], version),
        patch,
      );
      return reply.header('etag', `"${row.version}"`).send(presentStatus(row));
    },
  );

  app.get(
    '/api/v1/implementation/heatmap',
    {
      schema: {
        tags,
        summary:
          'Nationell värmekarta: kunskapsstöd × regioner (grupperade per sjukvårdsregion), status och andel infört; filter och sidor (limit/offset)',
        querystring: HeatmapQuery,
        response: { 200: Heatmap, ...errorResponses(400, 401) },
      },
    },
    async (req) => {
      mayRead(req);
      return heatmap(db, { ...req.query, limit: req.query.limit ?? 100, offset: req.query.offset ?? 0 });
    },
  );

  app.get(
    '/api/v1/implementation/heatmap/export',
    {
      schema: {
        tags,
        summary: 'Värmekartan som CSV eller XLSX (alla kunskapsstöd som matchar filtret)',
        querystring: Type.Object(
          { ...HeatmapQuery.properties, format: Type.Optional(Type.Enum(['csv', 'xlsx'])) },
          { additionalProperties: false },
        ),
        response: { 200: Type.String({ description: 'CSV- eller XLSX-fil' }), ...errorResponses(400, 401) },
      },
    },
    async (req, reply) => {
      mayRead(req);
      const { format = 'xlsx', ...q } = req.query;
      const h = await heatmap(db, { ...q, limit: EXPORT_MAX, offset: 0 });
      type Row = (typeof h.supports)[number];
      const columns: Column<Row>[] = [
        { header: 'Kunskapsstöd', value: (r) => r.title, width: 50 },
        { header: 'Typ', value: (r) => r.type },
        { header: 'Programområden', value: (r) => r.programAreaIds.join(', ') },
        ...h.regions.map((reg, k): Column<Row> => ({
          header: reg.shortName,
          value: (r) => (r.statuses[k] ? STATUS_SV[r.statuses[k]] : ''),
          width: 14,
        })),
        { header: 'Andel införd', value: (r) => r.implementedShare },
      ];
      const name = `varmekarta-${h.asOf ?? 'aktuell'}`;
      if (format === 'csv') return sendDownload(reply, `${name}.csv`, 'csv', Buffer.from(toCsv(columns, h.supports)));
      return sendDownload(reply, `${name}.xlsx`, 'xlsx', await toXlsx([{ name: 'Värmekarta', columns, rows: h.supports }]));
    },
  );

  app.get(
    '/api/v1/implementation/regions/:code',
    {
      schema: {
        tags,
        summary: 'Nedbrytning av värmekartan i en region: kunskapsstöd × regionens LPO',
        params: Type.Object({ code: Type.String({ pattern: '^[0-9]{2}$' }) }),
        querystring: Type.Object({ ...HeatmapQuery.properties }, { additionalProperties: false }),
        response: { 200: RegionDrill, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => {
      mayRead(req);
      const region = (await repo.regionsWithHealthcareRegions(db)).find((r) => r.code === req.params.code);
      if (!region) throw notFound('Regionen');
      const h = await heatmap(db, {
        ...req.query,
        healthcareRegion: undefined,
        limit: req.query.limit ?? 100,
        offset: req.query.offset ?? 0,
      });
      const col = h.regions.findIndex((r) => r.code === region.code);
      const groups = (await groupsAt(db, [region.code])).filter((g) => g.kind === 'program-area' && g.status === 'active');
      const cells = await impl.lpoCells(
        db,
        region.code,
        h.supports.map((s) => s.id),
      );
      return {
        region: { code: region.code, name: region.name },
        groups: groups.map((g) => ({ id: g.id, name: g.name })),
        supports: h.supports.map((s) => ({
          id: s.id,
          title: s.title,
          regionStatus: col >= 0 ? (s.statuses[col] ?? null) : null,
          groupStatuses: groups.map((g) => cells.find((c) => c.support_id === s.id && c.group_id === g.id)?.status ?? null),
        })),
        total: h.total,
      };
    },
  );

  app.get(
    '/api/v1/plans',
    {
      schema: {
        tags,
        summary: 'Verksamhetsplaner (tvååriga) för LPO och LSG',
        querystring: Type.Object(
          { groupId: Type.Optional(Uuid), region: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(PlanSummary), nextCursor: Type.Null() }), ...errorResponses(400, 401) },
      },
    },
    async (req) => {
      signedIn(req);
      const geo = await geography(db);
      const plans = (await listPlans(db, req.query)).filter((p) => mayReadFollowup(req.ctx.actor, followupScope(p, geo)));
      return { items: plans, nextCursor: null };
    },
  );

  app.post(
    '/api/v1/plans',
    {
      schema: {
        tags,
        summary: 'Skapa en tvåårig verksamhetsplan (utkast) för en regional grupp',
        body: CreatePlanBody,
        response: { 201: Plan, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const p = await createPlan(db, req.ctx, {
        groupId: req.body.groupId,
        startYear: req.body.startYear,
        title: req.body.title.trim(),
        items: items(req.body.items),
      });
      return reply
        .code(201)
        .header('etag', `"${p.version}"`)
        .send({ ...p, comparison: await compareWithPrevious(db, p) });
    },
  );

  app.get(
    '/api/v1/plans/:id',
    {
      schema: {
        tags,
        summary: 'En verksamhetsplan, jämförd med gruppens föregående plan',
        params: IdParams,
        response: { 200: Plan, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      signedIn(req);
      const p = await getPlan(db, req.params.id);
      if (!p || !mayReadFollowup(req.ctx.actor, followupScope(p, await geography(db)))) throw notFound('Planen');
      return reply.header('etag', `"${p.version}"`).send({ ...p, comparison: await compareWithPrevious(db, p) });
    },
  );

  app.patch(
    '/api/v1/plans/:id',
    {
      schema: {
        tags,
        summary: 'Ändra en plan (If-Match krävs); en fastställd plan ändrar bara insatsernas läge',
        params: IdParams,
        headers: VersionHeader,
        body: UpdatePlanBody,
        response: { 200: Plan, ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const { version, title, items: list } = req.body;
      const p = await updatePlan(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), {
        title: title?.trim(),
        items: list ? items(list) : undefined,
      });
      return reply.header('etag', `"${p.version}"`).send({ ...p, comparison: await compareWithPrevious(db, p) });
    },
  );

  app.post(
    '/api/v1/plans/:id/transition',
    {
      schema: {
        tags,
        summary: 'Förankra (agreed) eller fastställ (established, med beslut) en plan',
        params: IdParams,
        headers: VersionHeader,
        body: TransitionPlanBody,
        response: { 200: Plan, ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const { version, ...t } = req.body;
      const p = await transitionPlan(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), t);
      return reply.header('etag', `"${p.version}"`).send({ ...p, comparison: await compareWithPrevious(db, p) });
    },
  );

  // Open data: non-personal, always public (who changed a status is left out).
  app.get(
    '/api/v1/open-data/implementation-statuses',
    {
      schema: {
        tags: ['Öppna data'],
        summary: 'Öppna data: införandestatus per kunskapsstöd och region (JSON eller CSV)',
        querystring: FileQuery(['json', 'csv']),
        response: { 200: Type.Unknown({ description: 'JSON-lista eller CSV-fil' }), ...errorResponses(400) },
      },
    },
    async (req, reply) => {
      const rows = await impl.openImplementationStatuses(db);
      const items = rows.map((r) => ({
        supportId: r.support_id,
        support: r.support_title,
        version: r.version_label,
        region: r.region_code,
        lpo: r.lpo,
        kind: r.kind,
        status: r.status,
        decisionDate: r.decision_date,
        implementedOn: r.actual_done,
      }));
      if (req.query.format === 'csv') {
        type R = (typeof items)[number];
        const cols: Column<R>[] = (
          ['supportId', 'support', 'version', 'region', 'lpo', 'kind', 'status', 'decisionDate', 'implementedOn'] as const
        ).map((k) => ({ header: k, value: (r: R) => r[k] }));
        return sendDownload(reply, 'inforandestatus.csv', 'csv', Buffer.from(toCsv(cols, items)));
      }
      return reply.type('application/json; charset=utf-8').send(JSON.stringify({ items, license: 'CC0-1.0' }));
    },
  );

  app.get(
    '/api/v1/open-data/indicator-values',
    {
      schema: {
        tags: ['Öppna data'],
        summary: 'Öppna data: indikatorvärden per region och period (JSON eller CSV); indicator = kod',
        querystring: Type.Object(
          { indicator: Type.Optional(Type.String({ maxLength: 40 })), format: Type.Optional(Type.Enum(['json', 'csv'])) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Unknown({ description: 'JSON-lista eller CSV-fil' }), ...errorResponses(400) },
      },
    },
    async (req, reply) => {
      const rows = await repo.openIndicatorValues(db, req.query.indicator ?? null);
      const items = rows.map((r) => ({
        indicator: r.code,
        name: r.name,
        unit: r.unit,
        area: r.area,
        subArea: r.sub_area || null,
        period: r.period,
        value: r.value,
      }));
      if (req.query.format === 'csv') {
        type R = (typeof items)[number];
        const cols: Column<R>[] = (['indicator', 'name', 'unit', 'area', 'subArea', 'period', 'value'] as const).map((k) => ({
          header: k,
          value: (r: R) => r[k],
        }));
        return sendDownload(reply, 'indikatorvarden.csv', 'csv', Buffer.from(toCsv(cols, items)));
      }
      return reply.type('application/json; charset=utf-8').send(JSON.stringify({ items, license: 'CC0-1.0' }));
    },
  );
};
