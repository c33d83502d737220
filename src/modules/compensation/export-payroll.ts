import { recordAudit } from '../../platform/audit/record.js';
import { requireActor } from '../../platform/auth/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { toCsv, toXlsx, type Column } from '../../platform/export/spreadsheet.js';
import { forbidden } from '../../platform/errors.js';
import { compensationPolicy, mayManageAnywhere } from './policy.js';
import * as repo from './repository.js';
import { PAYABLE_STATUSES } from './rules/claim-state.js';

const kr = (ore: number) => ore / 100;
const UNIT_SV: Record<string, string> = { meeting: 'Möte', 'half-day': 'Halvdag', 'full-day': 'Heldag', hours: 'Timmar' };

/** One row per approved claim: what payroll needs (fee is taxable; mileage and travel are reimbursements). */
const COLUMNS: Column<repo.ClaimRow>[] = [
  { header: 'Anspråk', value: (c) => c.id, width: 38 },
  { header: 'Person', value: (c) => c.personName, width: 28 },
  { header: 'E-post', value: (c) => c.personEmail, width: 30 },
  { header: 'Grupp', value: (c) => c.groupName, width: 34 },
  { header: 'Datum', value: (c) => c.date, width: 12 },
  { header: 'Uppdrag', value: (c) => c.description, width: 34 },
  {
    header: 'Tidsåtgång',
    value: (c) => (c.timeUnit === 'hours' ? `${UNIT_SV.hours} (${c.minutes ?? 0} min)` : UNIT_SV[c.timeUnit]),
  },
  { header: 'Arvode, skattepliktigt (kr)', value: (c) => kr(c.feeOre), width: 16 },
  { header: 'Körsträcka (km)', value: (c) => c.distanceKm, width: 12 },
  { header: 'Milersättning (kr)', value: (c) => kr(c.mileageOre), width: 14 },
  { header: 'Övriga resekostnader (kr)', value: (c) => kr(c.travelCostsOre), width: 16 },
  { header: 'Inkomstbortfall, skattepliktigt (kr)', value: (c) => kr(c.lossOfIncomeOre), width: 16 },
  { header: 'Summa (kr)', value: (c) => kr(c.totalOre), width: 12 },
  { header: 'Godkänt', value: (c) => (c.decidedAt ? c.decidedAt.slice(0, 10) : null), width: 12 },
];

/**
 * Approved claims within the caller's groups as a payroll file. Only approvers (process
 * support, coordinator, admin) export; each export is audited, since it carries personal data.
 */
export async function exportPayroll(db: Db, ctx: Ctx, q: { format: 'csv' | 'xlsx'; year?: number; groupId?: string }) {
  requireActor(ctx.actor);
  const actor = ctx.actor;
  if (!mayManageAnywhere(actor))
    throw forbidden('Bara processtöd, samordnare och administratörer tar ut underlag för utbetalning.');
  const policy = await compensationPolicy(ctx, db);
  const rows = (
    await repo.listClaims(db, {
      visibility: policy.visibility(),
      statuses: PAYABLE_STATUSES,
      ...(q.year ? { year: q.year } : {}),
      ...(q.groupId ? { groupId: q.groupId } : {}),
    })
  ).filter((c) => policy.mayManageGroup(c.groupId, c.groupOwner));
  await db.transaction((tx) =>
    recordAudit(tx, ctx, {
      entityType: 'compensation-claim',
      entityId: 'payroll-export',
      action: 'export',
      after: { format: q.format, year: q.year ?? null, groupId: q.groupId ?? null, claims: rows.length },
    }),
  );
  const name = `ersattning-${q.year ?? 'alla-ar'}`;
  if (q.format === 'csv') return { fileName: `${name}.csv`, kind: 'csv' as const, body: toCsv(COLUMNS, rows) };
  return {
    fileName: `${name}.xlsx`,
    kind: 'xlsx' as const,
    body: await toXlsx([{ name: 'Ersättningar', columns: COLUMNS, rows }]),
  };
}
