import './audit.js';
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { notFound, unauthorized } from '../../platform/errors.js';
import { mirroredAreas } from './rules/structure.js';
import type { RouteModule } from '../../platform/http/app.js';
import { expectedVersion } from '../../platform/http/concurrency.js';
import { decodeCursor, paginate } from '../../platform/http/pagination.js';
import { cachedRead } from '../../platform/http/read-cache.js';
import { errorResponses, Page, Uuid, VersionHeader } from '../../platform/http/schemas.js';
import { sourcesById } from '../reference/index.js';
import { closeGroup } from './close-group.js';
import { createGroup } from './create-group.js';
import { mergeGroup } from './merge-group.js';
import { readMirroringGaps, readMirroringMatrix } from './read-mirroring.js';
import { groupPolicy } from './policy.js';
import { presentAgreement, presentGroup, presentGroupSummary } from './presenter.js';
import * as repo from './repository.js';
import { todayInSweden } from '../../platform/clock.js';
import {
  CloseGroupBody,
  CoverageBody,
  CreateGroupBody,
  Gaps,
  GapsQuery,
  Group,
  GroupDetail,
  GroupQuery,
  Hosting,
  Mandate,
  MandateBody,
  Matrix,
  MatrixQuery,
  MergeGroupBody,
  UpdateGroupBody,
} from './schemas.js';
import { setCoverage } from './set-coverage.js';
import { updateGroup } from './update-group.js';
import { updateMandate } from './update-mandate.js';

const tags = ['Organisation'];
const IdParams = Type.Object({ id: Uuid });
/** What the group list is built from (read_versions): the groups, and the sources they cite. */
const PUBLIC_GROUPS = ['groups', 'reference'];

export const organisationRoutes: RouteModule = (app, { db, config }) => {
  app.addSchema(Group);

  /** Everyone signed in reads the structure; anyone when the public view (insyn) is on. */
  const mayRead = (req: FastifyRequest) => {
    if (!config.publicStructure && !req.ctx.actor) throw unauthorized();
  };
  const present = async (req: FastifyRequest, rows: repo.GroupRow[]) => {
    // Only what the page needs: its rows' sources, and (for a signed-in caller) what they may do with each.
    const policy = groupPolicy(req.ctx, db);
    const [sources, may] = await Promise.all([
      sourcesById(db, [...new Set(rows.flatMap((g) => g.sourceIds))]),
      Promise.all(rows.map((g) => (req.ctx.actor ? policy.of(g) : Promise.resolve(undefined)))),
    ]);
    return rows.map((g, i) => presentGroup(g, sources, may[i]));
  };

  /** Agreements with the groups they name, warned inside the reminder window before they end. */
  const presentAgreements = async (rows: repo.AgreementRow[]) => {
    const ids = [...new Set(rows.flatMap((a) => [a.decidedByGroupId, ...a.groupIds]).filter((x): x is string => x !== null))];
    const groups = new Map((await repo.getGroupsByIds(db, ids)).map((g) => [g.id, g]));
    const warnDays = Math.max(0, ...config.reminderDays);
    return rows.map((a) => presentAgreement(a, groups, todayInSweden(), warnDays));
  };

  app.get(
    '/api/v1/groups',
    {
      schema: {
        tags,
        summary: 'Grupper på alla nivåer, i svensk bokstavsordning; sök med q (tål versaler och diakriter)',
        querystring: GroupQuery,
        response: { 200: Page(Type.Ref('Group')), ...errorResponses(400, 401) },
      },
    },
    async (req, reply) => {
      mayRead(req);
      const { cursor, limit = 50, ...filter } = req.query;
      const after = decodeCursor(cursor, 2) as [string, string] | undefined;
      const build = async () => {
        const rows = await repo.listGroups(db, { ...filter, limit, ...(after ? { after } : {}) });
        const page = paginate(rows, limit, (g) => [g.sortKey, g.id]);
        return { items: await present(req, page.items), nextCursor: page.nextCursor };
      };
      // The public structure (insyn) is the same for every anonymous caller: kept by the read cache.
      if (!req.ctx.actor) return cachedRead(db, req, reply, { topics: PUBLIC_GROUPS, key: JSON.stringify(req.query) }, build);
      return build();
    },
  );

  app.get(
    '/api/v1/groups/:id',
    {
      schema: {
        tags,
        summary: 'En grupp med uppdragsbeskrivning, spegling uppåt och nedåt, överordnad och underordnade grupper',
        params: IdParams,
        response: { 200: GroupDetail, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      mayRead(req);
      const g = await repo.getGroup(db, req.params.id);
      if (!g) throw notFound('Gruppen');
      const [mandate, mirroredBy, children, related, agreements] = await Promise.all([
        repo.currentMandate(db, g.id),
        repo.mirroredBy(db, g.id),
        repo.childrenOf(db, g.id),
        repo.getGroupsByIds(
          db,
          [g.mirrorsGroupId, g.parentGroupId, g.mergedIntoGroupId].filter((x): x is string => x !== null),
        ),
        repo.agreements(db, { decidedByGroupId: g.id }),
      ]);
      const mirror = related.find((x) => x.id === g.mirrorsGroupId);
      const byId = (id: string | null) => {
        const r = id ? related.find((x) => x.id === id) : undefined;
        return r ? presentGroupSummary(r) : null;
      };
      void reply.header('etag', `"${g.version}"`);
      return {
        group: (await present(req, [g]))[0]!,
        mandate: mandate ?? null,
        mirroredProgramAreaIds: mirroredAreas(repo.facts(g), mirror ? repo.facts(mirror) : undefined),
        agreements: await presentAgreements(agreements),
        mirrors: byId(g.mirrorsGroupId),
        mirroredBy: mirroredBy.map(presentGroupSummary),
        parent: byId(g.parentGroupId),
        children: children.map(presentGroupSummary),
        mergedInto: byId(g.mergedIntoGroupId),
      };
    },
  );

  app.post(
    '/api/v1/groups',
    {
      schema: {
        tags,
        summary: 'Skapa en grupp; en RPO/LPO speglar automatiskt gruppen ovanför med samma programområde',
        body: CreateGroupBody,
        response: { 201: Type.Ref('Group'), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const row = await createGroup(db, req.ctx, {
        kind: b.kind,
        level: b.level,
        owner: b.owner,
        name: b.name.trim(),
        shortName: b.shortName ?? null,
        programAreaIds: b.programAreaIds ?? [],
        mirrorsGroupId: b.mirrorsGroupId ?? null,
        parentGroupId: b.parentGroupId ?? null,
        parentRelation: b.parentRelation ?? (b.parentGroupId ? 'reports-to' : null),
        isSubGroup: b.isSubGroup ?? false,
        contactEmail: b.contactEmail ?? null,
        hostDescription: b.hostDescription ?? null,
        startDate: b.startDate ?? null,
        setupParagraphId: b.setupParagraphId ?? null,
        setupElsewhere: b.setupElsewhere?.trim() || null,
        hostConsultation: b.hostConsultation?.trim() || null,
        ...(b.mandate ? { mandate: b.mandate } : {}),
      });
      return reply
        .code(201)
        .header('etag', `"${row.version}"`)
        .send((await present(req, [row]))[0]);
    },
  );

  app.patch(
    '/api/v1/groups/:id',
    {
      schema: {
        tags,
        summary: 'Ändra en grupp (If-Match krävs)',
        params: IdParams,
        headers: VersionHeader,
        body: UpdateGroupBody,
        response: { 200: Type.Ref('Group'), ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req, reply) => {
      const { version, ...patch } = req.body;
      const row = await updateGroup(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), patch);
      return reply.header('etag', `"${row.version}"`).send((await present(req, [row]))[0]);
    },
  );

  app.post(
    '/api/v1/groups/:id/close',
    {
      schema: {
        tags,
        summary: 'Stäng en grupp (historiken bevaras); 409 om aktiva grupper finns under den',
        params: IdParams,
        headers: VersionHeader,
        body: CloseGroupBody,
        response: { 200: Type.Ref('Group'), ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req) => {
      const { version, ...input } = req.body;
      const row = await closeGroup(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), input);
      return (await present(req, [row]))[0];
    },
  );

  app.post(
    '/api/v1/groups/:id/merge',
    {
      schema: {
        tags,
        summary: 'Slå samman gruppen med en annan hos samma ägare',
        params: IdParams,
        headers: VersionHeader,
        body: MergeGroupBody,
        response: { 200: Type.Ref('Group'), ...errorResponses(400, 401, 403, 404, 409, 422, 428) },
      },
    },
    async (req) => {
      const { version, ...input } = req.body;
      const row = await mergeGroup(db, req.ctx, req.params.id, expectedVersion(req.headers['if-match'], version), input);
      return (await present(req, [row]))[0];
    },
  );

  app.put(
    '/api/v1/groups/:id/mandate',
    {
      schema: {
        tags,
        summary: 'Spara en ny revision av uppdragsbeskrivningen (Markdown)',
        params: IdParams,
        body: MandateBody,
        response: { 200: Mandate, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (req) => await updateMandate(db, req.ctx, req.params.id, req.body),
  );

  app.get(
    '/api/v1/groups/:id/mandate/revisions',
    {
      schema: {
        tags,
        summary: 'Alla revisioner av uppdragsbeskrivningen, nyast först',
        params: IdParams,
        response: { 200: Page(Mandate), ...errorResponses(401, 404) },
      },
    },
    async (req) => {
      mayRead(req);
      if (!(await repo.getGroup(db, req.params.id))) throw notFound('Gruppen');
      return { items: await repo.mandateRevisions(db, req.params.id), nextCursor: null };
    },
  );

  app.get(
    '/api/v1/mirroring/gaps',
    {
      schema: {
        tags,
        summary: 'Nationella programområden utan aktiv programområdesgrupp hos en sjukvårdsregion eller region',
        querystring: GapsQuery,
        response: { 200: Gaps, ...errorResponses(400, 401, 422) },
      },
    },
    async (req) => {
      mayRead(req);
      return readMirroringGaps(req.ctx, db, req.query.owner, presentAgreements);
    },
  );

  app.get(
    '/api/v1/mirroring/matrix',
    {
      schema: {
        tags,
        summary: 'Speglingsmatris: programområden × de sex sjukvårdsregionerna, eller × regionerna i en sjukvårdsregion',
        querystring: MatrixQuery,
        response: { 200: Matrix, ...errorResponses(400, 401, 422) },
      },
    },
    async (req) => {
      mayRead(req);
      return readMirroringMatrix(db, req.query.healthcareRegion);
    },
  );

  app.put(
    '/api/v1/mirroring/coverage',
    {
      schema: {
        tags,
        summary: 'Ange att en ägare medvetet täcker ett programområde med en annan grupp (groupId null tar bort)',
        body: CoverageBody,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      await setCoverage(db, req.ctx, {
        owner: req.body.owner,
        programAreaId: req.body.programAreaId,
        groupId: req.body.groupId,
        ...(req.body.note ? { note: req.body.note } : {}),
      });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/hosting',
    {
      schema: {
        tags,
        summary: 'Värdskap: värdsjukvårdsregion för varje NPO, och lokala värdar för LPO',
        response: { 200: Hosting, ...errorResponses(401) },
      },
    },
    async (req) => {
      mayRead(req);
      const [areas, hosted] = await Promise.all([repo.programAreasOrdered(db), repo.locallyHostedGroups(db)]);
      const local = new Map<
        string,
        { owner: string; hostDescription: string; groups: ReturnType<typeof presentGroupSummary>[] }
      >();
      for (const g of hosted) {
        const key = `${g.owner}\u0000${g.hostDescription}`;
        const entry = local.get(key) ?? { owner: g.owner, hostDescription: g.hostDescription!, groups: [] };
        entry.groups.push(presentGroupSummary(g));
        local.set(key, entry);
      }
      return {
        national: areas.map((a) => ({
          programAreaId: a.id,
          name: a.name,
          hostHealthcareRegionId: a.hostHealthcareRegionId,
          hostOther: a.hostOther,
          hostStatus: a.hostStatus,
        })),
        local: [...local.values()],
      };
    },
  );
};
