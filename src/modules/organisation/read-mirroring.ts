/**
 * Reading the mirroring: one owner's gaps (program areas without a group, groups not linked,
 * collaboration groups without their counterpart, process teams, expected counts, agreements)
 * and the matrix of program areas × owners. One meaning of "mirrored" (rules/structure.ts).
 */
import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { unprocessable } from '../../platform/errors.js';
import { groupPolicy } from './policy.js';
import { presentGroupSummary } from './presenter.js';
import * as repo from './repository.js';
import { isGroupActive } from './rules/group-lifecycle.js';
import { counterpartState, expectedCount, levelOfOwner, mirrorStates, processTeamGaps } from './rules/structure.js';

const withMirror = (g: repo.GroupRow) => ({
  ...repo.facts(g),
  mirrorsGroupId: g.mirrorsGroupId,
  parentGroupId: g.parentGroupId,
});

/** The groups one level up that these groups link to, by id. */
async function mirrorsOf(db: Queryable, groups: repo.GroupRow[]): Promise<Map<string, repo.GroupRow>> {
  const ids = [...new Set(groups.map((g) => g.mirrorsGroupId).filter((x): x is string => x !== null))];
  return new Map((await repo.getGroupsByIds(db, ids)).map((g) => [g.id, g]));
}

/** A healthcare region's or region's mirroring gaps; 422 for an owner that is neither. */
export async function readMirroringGaps<A>(
  ctx: Ctx,
  db: Queryable,
  owner: string,
  presentAgreements: (rows: repo.AgreementRow[]) => Promise<A[]>,
) {
  const geo = await groupPolicy(ctx, db).scope.geography();
  const level = levelOfOwner(owner, geo);
  if (!level || level === 'national') {
    throw unprocessable(`Okänd ägare "${owner}". Ange en sjukvårdsregion (t.ex. sodra) eller en länskod (t.ex. 07).`, [
      { path: 'owner', message: 'okänd ägare' },
    ]);
  }
  const [areas, groups, coverage, rules, agreements] = await Promise.all([
    repo.programAreasOrdered(db),
    repo.groupsAt(db, [owner]),
    repo.coverageAt(db, owner),
    repo.structureRules(db, owner),
    repo.agreements(db, { owner }),
  ]);
  const above = await mirrorsOf(db, groups);
  const states = mirrorStates(
    areas.map((a) => a.id),
    groups.map(withMirror),
    coverage,
    new Map([...above.values()].map((g) => [g.id, repo.facts(g)])),
  );
  const active = groups.filter((g) => isGroupActive(g.status));
  // Seed 003's rule is Västra's own: its processteams are checked only where the owner set it.
  const teamRule = rules.some((r) => r.rule === 'each-rpo-starts-a-regional-processteam-mirrored-locally');
  const localTeams = teamRule ? (await repo.groupsBelow(db, owner)).filter((g) => g.kind === 'process-team') : [];
  return {
    owner,
    missing: areas.filter((a) => states.get(a.id)?.state === 'missing').map((a) => ({ programAreaId: a.id, name: a.name })),
    unlinked: areas
      .filter((a) => states.get(a.id)?.state === 'unlinked')
      .map((a) => ({ programAreaId: a.id, name: a.name, groupIds: states.get(a.id)!.groupIds })),
    covered: areas
      .filter((a) => states.get(a.id)?.state === 'covered')
      .map((a) => ({ programAreaId: a.id, name: a.name, groupId: states.get(a.id)!.groupIds[0]! })),
    collaborationGroups: active
      .filter((g) => g.kind === 'collaboration-group')
      .map((g) => {
        const m = g.mirrorsGroupId ? above.get(g.mirrorsGroupId) : undefined;
        const state = counterpartState(g, m);
        return {
          groupId: g.id,
          name: g.name,
          state,
          mirrors: state === 'mirrored' && m ? presentGroupSummary(m) : null,
          noCounterpartReason: g.noCounterpartReason,
        };
      }),
    processTeams: teamRule ? processTeamGaps(groups.map(withMirror), localTeams) : [],
    expectedCounts: rules.flatMap((r) => {
      const c = expectedCount(r, groups.map(repo.facts));
      return c ? [{ rule: r.rule, ...c, sourceId: r.sourceId }] : [];
    }),
    agreements: await presentAgreements(agreements),
  };
}

/** Program areas × the six healthcare regions, or × the regions of one; 422 for an unknown one. */
export async function readMirroringMatrix(db: Queryable, hr: string | undefined) {
  const columns = await repo.matrixColumns(db, hr);
  if (hr && columns.length === 0)
    throw unprocessable(`Okänd sjukvårdsregion "${hr}".`, [{ path: 'healthcareRegion', message: 'okänd' }]);
  const owners = columns.map((c) => c.owner);
  const [areas, groups, coverage] = await Promise.all([
    repo.programAreasOrdered(db),
    repo.groupsAt(db, owners),
    repo.coverageAll(db),
  ]);
  const above = new Map([...(await mirrorsOf(db, groups)).values()].map((g) => [g.id, repo.facts(g)]));
  const perOwner = new Map(
    owners.map((o) => [
      o,
      mirrorStates(
        areas.map((a) => a.id),
        groups.filter((g) => g.owner === o).map(withMirror),
        new Map(coverage.filter((c) => c.owner === o).map((c) => [c.programAreaId, c.coveredByGroupId])),
        above,
      ),
    ]),
  );
  return {
    columns,
    rows: areas.map((a) => ({
      programAreaId: a.id,
      name: a.name,
      cells: owners.map((o) => ({ owner: o, ...perOwner.get(o)!.get(a.id)! })),
    })),
  };
}
