/** PDSA cycles (plan, do, study, act) for improvement work, linked to an indicator in a region. */
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { conflict, notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { getGroup } from '../organisation/repository.js';
import { getIndicator, getPdsaForUpdate, insertPdsa, listPdsaRows, updatePdsaRow, type PdsaRow } from './repository.js';
import { regionScope } from './scope.js';
import { assertVisible } from '../visible.js';

export const PDSA_PHASES = ['plan', 'do', 'study', 'act', 'closed'] as const;
export type PdsaPhase = (typeof PDSA_PHASES)[number];

export const presentPdsa = (p: PdsaRow) => ({
  id: p.id,
  indicatorId: p.indicator_id,
  regionCode: p.region_code,
  groupId: p.group_id,
  title: p.title,
  phase: p.phase,
  plan: p.plan_text,
  do: p.do_text,
  study: p.study_text,
  act: p.act_text,
  startedOn: p.started_on,
  version: p.version,
});

export const listPdsa = (db: Queryable, f: { indicatorId?: string | undefined; region?: string | undefined }) =>
  listPdsaRows(db, { indicatorId: f.indicatorId ?? null, region: f.region ?? null });

export interface PdsaInput {
  indicatorId: string;
  regionCode: string;
  groupId: string | null;
  title: string;
  plan: string | null;
  startedOn: string | null;
}

export async function createPdsa(db: Db, ctx: Ctx, i: PdsaInput, isDemo = false) {
  return db.transaction(async (tx) => {
    authorize(ctx.actor, 'pdsa.write', await regionScope(tx, i.regionCode));
    await assertVisible(tx, ctx, { indicator: i.indicatorId, group: i.groupId });
    if (!(await getIndicator(tx, i.indicatorId)))
      throw unprocessable('Indikatorn finns inte.', [{ path: '/indicatorId', message: 'Okänd indikator' }]);
    if (i.groupId) {
      const g = await getGroup(tx, i.groupId);
      if (!g || g.owner !== i.regionCode)
        throw unprocessable('Gruppen finns inte i regionen.', [{ path: '/groupId', message: 'Okänd grupp' }]);
    }
    const row = await insertPdsa(tx, i, isDemo);
    await recordAudit(tx, ctx, { entityType: 'pdsa-cycle', entityId: row.id, action: 'create', after: presentPdsa(row) });
    return row;
  });
}

/** Texts may be written in any phase; the phase moves one step forward (or stays). */
export async function updatePdsa(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  patch: {
    title?: string | undefined;
    phase?: PdsaPhase | undefined;
    plan?: string | null | undefined;
    do?: string | null | undefined;
    study?: string | null | undefined;
    act?: string | null | undefined;
  },
) {
  return db.transaction(async (tx) => {
    const before = await getPdsaForUpdate(tx, id);
    if (!before) throw notFound('PDSA-cykeln');
    authorize(ctx.actor, 'pdsa.write', await regionScope(tx, before.region_code));
    if (before.version !== version) throw staleVersion(before.version);
    const phase = patch.phase ?? before.phase;
    const from = PDSA_PHASES.indexOf(before.phase);
    const to = PDSA_PHASES.indexOf(phase);
    if (to !== from && to !== from + 1)
      throw conflict(`Cykeln kan inte gå från "${before.phase}" till "${phase}": ta ett steg i taget.`);
    const text = (k: 'plan' | 'do' | 'study' | 'act', current: string | null) => (patch[k] !== undefined ? patch[k] : current);
    const row = await updatePdsaRow(tx, id, version, {
      title: patch.title ?? before.title,
      phase,
      plan: text('plan', before.plan_text),
      do: text('do', before.do_text),
      study: text('study', before.study_text),
      act: text('act', before.act_text),
    });
    if (!row) throw staleVersion(before.version);
    await recordAudit(tx, ctx, {
      entityType: 'pdsa-cycle',
      entityId: id,
      action: 'update',
      before: presentPdsa(before),
      after: presentPdsa(row),
    });
    return row;
  });
}
