/** HTTP for the indicator sources: bring a Kolada KPI or a national quality indicator into Navet, and find them by title. */
import { Type } from 'typebox';
import { conflict, unauthorized } from '../../platform/errors.js';
import type { RouteModule } from '../../platform/http/app.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { importKoladaKpi, KOLADA_OFF, sourceProblem } from './import-kolada-kpi.js';
import { importQualityIndicator, QUALITY_ATTRIBUTION, QUALITY_OFF, qualityProblem } from './import-quality-indicator.js';
import { KoladaClient } from './kolada/client.js';
import { QualityIndicatorsClient } from './quality/client.js';
import { authorizeIndicatorManage } from './policy.js';
import { tags } from './schemas.js';

const KpiId = Type.String({ pattern: '^[A-Z][0-9]{5}$', description: 'Koladas nyckeltals-id, t.ex. N07403' });

export const KoladaImportBody = Type.Object(
  {
    kpiId: KpiId,
    fromYear: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
    toYear: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
    unit: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    direction: Type.Optional(Type.Enum(['higher', 'lower'])),
  },
  { additionalProperties: false },
);

const KoladaKpiList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      description: Type.Union([Type.String(), Type.Null()]),
      dividedByGender: Type.Boolean(),
      municipalityType: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  attribution: Type.String(),
});

const MeasureId = Type.String({
  pattern: '^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9]{5})$',
  description: 'Kvalitetsindikatorkatalogens MeasureID (uuid, eller fem siffror för äldre mått)',
});

export const QualityImportBody = Type.Object(
  {
    measureId: MeasureId,
    unit: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    direction: Type.Optional(Type.Enum(['higher', 'lower'])),
  },
  { additionalProperties: false },
);

const QualityMeasureList = Type.Object({
  items: Type.Array(
    Type.Object({
      measureId: Type.String(),
      title: Type.String(),
      definition: Type.Union([Type.String(), Type.Null()]),
      unitType: Type.Union([Type.String(), Type.Null()]),
      measurementSource: Type.Union([Type.String(), Type.Null()]),
      frequencies: Type.Array(Type.String()),
      levels: Type.Array(Type.String()),
    }),
  ),
  attribution: Type.String(),
});

export const sourceRoutes: RouteModule = (app, { db, config }) => {
  app.post(
    '/api/v1/indicator-sources/kolada/imports',
    {
      schema: {
        tags,
        summary:
          'Hämta ett nyckeltal från Kolada (v3) för riket och alla 21 regioner, per kön (T/K/M), för ett spann av år (fem år till och med i fjol om inget anges). Indikatorn skapas första gången; värdena hämtas av jobbkön (202) med källa, KPI-id och hämtningstid på varje värde.',
        body: KoladaImportBody,
        response: { 202: Type.Ref('ImportStatus'), ...errorResponses(400, 401, 403, 409, 422, 503) },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const imp = await importKoladaKpi(
        db,
        req.ctx,
        {
          kpiId: b.kpiId,
          fromYear: b.fromYear,
          toYear: b.toYear,
          unit: b.unit,
          direction: b.direction,
        },
        config.kolada,
      );
      return reply.code(202).send(imp);
    },
  );

  app.get(
    '/api/v1/indicator-sources/kolada/kpis',
    {
      schema: {
        tags,
        summary: 'Sök nyckeltal i Kolada på titel (för att välja vilket som ska hämtas)',
        querystring: Type.Object({ q: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 200: KoladaKpiList, ...errorResponses(400, 401, 403, 409, 503) },
      },
    },
    async (req) => {
      if (!req.ctx.actor) throw unauthorized();
      authorizeIndicatorManage(req.ctx);
      if (!config.kolada) throw conflict(KOLADA_OFF);
      const found = await new KoladaClient(config.kolada).searchKpis(req.query.q).catch((err: unknown) => {
        throw sourceProblem(err);
      });
      return {
        items: found.slice(0, 100).map((k) => ({
          id: k.id,
          title: k.title,
          description: k.description ?? null,
          dividedByGender: Boolean(k.is_divided_by_gender),
          municipalityType: k.municipality_type ?? null,
        })),
        attribution: 'Källa: Kolada',
      };
    },
  );

  app.post(
    '/api/v1/indicator-sources/quality-indicators/imports',
    {
      schema: {
        tags,
        summary:
          'Hämta en nationell kvalitetsindikator (Kvalitetsindikatorkatalogen, Vården i siffror): mätresultaten för riket, regionerna och enheter (HSA-id), per kön där måttet har delmått. Indikatorn skapas första gången; värdena hämtas av jobbkön (202) med källa, MeasureID och hämtningstid på varje värde.',
        body: QualityImportBody,
        response: { 202: Type.Ref('ImportStatus'), ...errorResponses(400, 401, 403, 409, 422, 503) },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const imp = await importQualityIndicator(
        db,
        req.ctx,
        { measureId: b.measureId, unit: b.unit, direction: b.direction },
        config.qualityIndicators,
      );
      return reply.code(202).send(imp);
    },
  );

  app.get(
    '/api/v1/indicator-sources/quality-indicators/measures',
    {
      schema: {
        tags,
        summary: 'Sök nationella kvalitetsindikatorer i Kvalitetsindikatorkatalogen (för att välja vilken som ska hämtas)',
        querystring: Type.Object({ q: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 200: QualityMeasureList, ...errorResponses(400, 401, 403, 409, 503) },
      },
    },
    async (req) => {
      if (!req.ctx.actor) throw unauthorized();
      authorizeIndicatorManage(req.ctx);
      if (!config.qualityIndicators) throw conflict(QUALITY_OFF);
      const found = await new QualityIndicatorsClient(config.qualityIndicators).search(req.query.q).catch((err: unknown) => {
        throw qualityProblem(err);
      });
      return {
        items: found.slice(0, 100).map((m) => ({
          measureId: m.mId,
          title: m.title,
          definition: m.measureDefinition ?? null,
          unitType: m.unitType ?? null,
          measurementSource: m.measurementSourceName ?? null,
          frequencies: (m.measuringFrequencies ?? []).map((f) => f.name),
          levels: (m.organizationalLevels ?? []).map((l) => l.name),
        })),
        attribution: QUALITY_ATTRIBUTION,
      };
    },
  );
};
