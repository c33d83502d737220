/** HTTP for the national heatmap (with its export and a region's drill-down) and the open data of indicator values. */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { notFound, unauthorized } from '../../platform/errors.js';
import { CONTENT_TYPES, toCsv, toXlsx, type Column } from '../../platform/export/spreadsheet.js';
import { sendDownload } from '../../platform/http/download.js';
import type { RouteModule } from '../../platform/http/app.js';
import { OpenDataPageQuery, sendOpenData } from '../../platform/http/open-data.js';
import { cachedRead } from '../../platform/http/read-cache.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { heatmapQueries, statusLabel } from '../implementation/index.js';
import { groupsAt } from '../organisation/index.js';
import { heatmap } from './heatmap.js';
import * as repo from './repository.js';
import { Heatmap, HeatmapQuery, RegionDrill } from './schemas.js';

const tags = ['Införande och planer'];
const EXPORT_MAX = 20_000;
/** No indicator has this id: the open data of an unknown indicator code is empty. */
const NO_INDICATOR = '00000000-0000-0000-0000-000000000000';
/** What the heatmap is built from: statuses, supports and their summaries (migration 0057), and the geography. */
const HEATMAP_TOPICS = ['implementation', 'reference'];
/** The open data of indicator values is built from the indicators and their values (migration 0058). */
const INDICATOR_TOPICS = ['indicators'];

export const heatmapRoutes: RouteModule = (app, { db, config }) => {
  const mayRead = (req: FastifyRequest) => {
    if (!config.publicFollowup && !req.ctx.actor) throw unauthorized();
  };

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
    async (req, reply) => {
      // Who may read is decided before the cache; what is read is the same for every caller who
      // may, so the query (in a fixed order, with its defaults) is the whole key.
      mayRead(req);
      const { programArea, type, healthcareRegion, kind, date, q, limit = 100, offset = 0 } = req.query;
      const query = { programArea, type, healthcareRegion, kind, date, q, limit, offset };
      return cachedRead(db, req, reply, { topics: HEATMAP_TOPICS, key: JSON.stringify(query) }, () => heatmap(db, query));
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
          value: (r) => (r.statuses[k] ? statusLabel(r.statuses[k]) : ''),
          width: 14,
        })),
        { header: 'Andel införd', value: (r) => r.implementedShare },
      ];
      const name = `varmekarta-${h.asOf ?? 'aktuell'}`;
      if (format === 'csv')
        return sendDownload(reply, {
          filename: `${name}.csv`,
          contentType: CONTENT_TYPES['csv'],
          body: Buffer.from(toCsv(columns, h.supports)),
        });
      return sendDownload(reply, {
        filename: `${name}.xlsx`,
        contentType: CONTENT_TYPES['xlsx'],
        body: await toXlsx([{ name: 'Värmekarta', columns, rows: h.supports }]),
      });
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
      const cells = await heatmapQueries.lpoCells(
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
    '/api/v1/open-data/indicator-values',
    {
      schema: {
        tags: ['Öppna data'],
        summary:
          'Öppna data: indikatorvärden per region, period och kön (JSON eller CSV); indicator = kod; i sidor med länk till nästa (next, Link), strömmade',
        querystring: Type.Object(
          {
            indicator: Type.Optional(Type.String({ maxLength: 40 })),
            format: Type.Optional(Type.Enum(['json', 'csv'])),
            ...OpenDataPageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Unknown({ description: 'JSON-lista eller CSV-fil' }), ...errorResponses(400) },
      },
    },
    async (req, reply) => {
      type Row = Awaited<ReturnType<typeof repo.openIndicatorValues>>[number];
      const code = req.query.indicator;
      // One indicator by its code; an unknown code is an empty set, as a filter that matches nothing.
      // Looked up only when the page is read: a kept page needs no query but the versions'.
      let indicator: Promise<string | null> | undefined;
      const indicatorId = () =>
        (indicator ??= code ? repo.getIndicatorByCode(db, code).then((i) => i?.id ?? NO_INDICATOR) : Promise.resolve(null));
      const item = (r: Row) => ({
        indicator: r.code,
        name: r.name,
        unit: r.unit,
        area: r.area,
        subArea: r.subArea || null,
        period: r.period,
        gender: r.gender,
        value: r.value,
      });
      type Item = ReturnType<typeof item>;
      return sendOpenData<Row, repo.OpenValueKey, Item>(
        req,
        reply,
        {
          arity: 5,
          pageEnd: async (after, limit) => repo.openIndicatorValuePageEnd(db, await indicatorId(), after, limit),
          read: async (after, until, limit) => repo.openIndicatorValues(db, await indicatorId(), { after, until, limit }),
          keyOf: (r) => [r.indicatorId, r.area, r.subArea, r.period, r.gender],
          item,
          csv: {
            filename: 'indikatorvarden.csv',
            // gender last: the columns before it stay where they were.
            columns: (['indicator', 'name', 'unit', 'area', 'subArea', 'period', 'value', 'gender'] as const).map(
              (k): Column<Item> => ({ header: k, value: (r: Item) => r[k] }),
            ),
          },
        },
        req.query,
        // Open data is the same for everyone: the query is the whole key.
        { db, topics: INDICATOR_TOPICS, key: JSON.stringify(req.query) },
      );
    },
  );
};
