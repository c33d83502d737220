/** PDSA cycles (plan, do, study, act) for improvement work, linked to an indicator in a region. */
import { recordAudit } from '../../platform/audit/record.js';
import { authorize } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { conflict, notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { getGroup } from '../organisation/repository.js';
import { getIndicator } from './repository.js';
import { regionScope } from './scope.js';

export const PDSA_PHASES = ['plan', 'do', 'study', 'act', 'closed'] as const;
export type PdsaPhase = (typeof PDSA_PHASES)[number];

interface PdsaRow {
  id: string;
  indicator_id: string;
  region_code: string;
  group_id: string | null;
  title: string;
  phase: PdsaPhase;
  plan_text: string | null;
  do_text: string | null;
  study_text: string | null;
  act_text: string | null;
  started_on: string | null;
  version: number;
}

const COLS =
  'id, indicator_id, region_code, group_id, title, phase, plan_text, do_text, study_text, act_text, started_on, version';

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
  db.query<PdsaRow>(
    `SELECT ${COLS} FROM pdsa_cycles WHERE ($1::uuid IS NULL OR indicator_id = $1) AND ($2::text IS NULL OR region_code = $2) ORDER BY created_at DESC LIMIT 500`,
    [f.indicatorId ?? null, f.region ?? null],
  );

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
    if (!(await getIndicator(tx, i.indicatorId)))
      throw unprocessable('Indikatorn finns inte.', [{ path: '/indicatorId', message: 'Okänd indikator' }]);
    if (i.groupId) {
      const g = await getGroup(tx, i.groupId);
      if (!g || g.owner !== i.regionCode)
        throw unprocessable('Gruppen finns inte i regionen.', [{ path: '/groupId', message: 'Okänd grupp' }]);
    }
    const row = (
      await tx.query<PdsaRow>(
        `INSERT INTO pdsa_cycles (indicator_id, region_code, group_id, title, plan_text, started_on, is_demo) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLS}`,
        [i.indicatorId, i.regionCode, i.groupId, i.title, i.plan, i.startedOn, isDemo],
      )
    )[0]!;
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
    const before = (await tx.query<PdsaRow>(`SELECT ${COLS} FROM pdsa_cycles WHERE id = $1 FOR UPDATE`, [id]))[0];
    if (!before) throw notFound('PDSA-cykeln');
    authorize(ctx.actor, 'pdsa.write', await regionScope(tx, before.region_code));
    if (before.version !== version) throw staleVersion(before.version);
    const phase = patch.phase ?? before.phase;
    const from = PDSA_PHASES.indexOf(before.phase);
    const to = PDSA_PHASES.indexOf(phase);
    if (to !== from && to !== from + 1)
      throw conflict(`Cykeln kan inte gå från "${before.phase}" till "${phase}": ta ett steg i taget.`);
    const text = (k: 'plan' | 'do' | 'study' | 'act', current: string | null) => (patch[k] !== undefined ? patch[k] : current);
    const row = (
      await tx.query<PdsaRow>(
        `UPDATE pdsa_cycles SET title = $3, phase = $4, plan_text = $5, do_text = $6, study_text = $7, act_text = $8, version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2 RETURNING ${COLS}`,
        [
          id,
          version,
          patch.title ?? before.title,
          phase,
          text('plan', before.plan_text),
          text('do', before.do_text),
          text('study', before.study_text),
          text('act', before.act_text),
        ],
      )
    )[0];
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
