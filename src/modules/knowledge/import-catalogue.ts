/**
 * Importing the national catalogue from its file (CSV, XLSX or JSON). A dry run returns the
 * report per row (new / updated / unchanged / withdrawn / error, each with its Swedish message)
 * and writes nothing; the confirmed import applies every row that can be applied in ONE
 * transaction with its audit: each support's and version's own events and one
 * `knowledge-catalogue.import` (or `.sync`) event with the diff. Rows with errors are skipped
 * and reported. Re-importing the same file changes nothing; a changed version is recorded as a
 * new version (the old one kept, as ersatt); a support missing from a full catalogue file is
 * withdrawn (upphävd), never deleted. Only national roles import (the catalogue is national).
 */
import { randomUUID } from 'node:crypto';
import type { Static } from 'typebox';
import { recordAudit, recordTransitionAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { unprocessable } from '../../platform/errors.js';
import { runTransition } from '../../platform/lifecycle/index.js';
import './audit.js';
import { knowledgePolicy } from './policy.js';
import { supportCore, versionAudit } from './presenter.js';
import { readCatalogueFile } from './read-catalogue-file.js';
import * as repo from './repository.js';
import { planCatalogue, readCatalogueRows, type CatalogueEntry, type KnownSupport, type Plan } from './rules/catalogue.js';
import { IN_FORCE, supportLifecycle } from './rules/lifecycle.js';
import { NATIONAL_OWNER } from './rules/vocabulary.js';
import type { CatalogueImportReport } from './schemas.js';

export type CatalogueReport = Static<typeof CatalogueImportReport>;

export interface CatalogueImportInput {
  fileName: string;
  format: 'csv' | 'xlsx' | 'json';
  contentBase64: string;
  /** The file is the whole national catalogue: what it lacks is withdrawn. */
  full: boolean;
  dryRun: boolean;
  /** The demo's catalogue is marked as demo data. */
  isDemo?: boolean;
  /** The scheduled sync names its source; the audit kind is then `knowledge-catalogue.sync`. */
  source?: { url: string };
}

async function knownSupports(db: Queryable): Promise<KnownSupport[]> {
  const supports = await repo.catalogueSupports(db);
  const versions = await repo.versionsOfSupports(
    db,
    supports.map((s) => s.id),
  );
  return supports.map((s) => ({
    id: s.id,
    catalogueId: s.catalogueId!,
    title: s.title,
    type: s.type,
    status: s.status,
    producerName: s.producerName,
    producerKind: s.producerKind,
    url: s.url,
    nextRevisionDate: s.nextRevisionDate,
    versions: versions.filter((v) => v.supportId === s.id).map((v) => ({ label: v.label, status: v.status })),
  }));
}

function reportRow(p: Plan, supportId: string | null) {
  const identifier = p.outcome === 'withdrawn' ? p.known.catalogueId : p.outcome === 'error' ? p.identifier : p.entry.identifier;
  const title = p.outcome === 'withdrawn' ? p.known.title : p.outcome === 'error' ? p.title : p.entry.title;
  return { row: p.row, identifier, title, outcome: p.outcome, message: p.message, changes: p.changes, supportId };
}

function countsOf(plans: Plan[]) {
  const counts = { new: 0, updated: 0, unchanged: 0, withdrawn: 0, error: 0 };
  for (const p of plans) counts[p.outcome]++;
  return counts;
}

const versionFields = (e: CatalogueEntry) => ({
  label: e.versionLabel,
  changeSummary: null,
  url: e.url,
  decidedOn: null,
  publishedOn: e.publishedOn,
  validFrom: null,
  validUntil: null,
});

async function addNew(tx: Queryable, ctx: Ctx, e: CatalogueEntry, isDemo: boolean): Promise<string> {
  const id = await repo.insertSupport(tx, {
    type: e.type,
    title: e.title,
    producerKind: e.producerKind,
    producerGroupId: null,
    producerName: e.producerName,
    sender: null,
    url: e.url,
    summary: null,
    targetGroups: [],
    programAreaIds: [],
    nextRevisionDate: e.nextRevisionDate,
    validFrom: null,
    validUntil: null,
    status: 'publicerad',
    isDemo,
    owner: NATIONAL_OWNER,
    catalogueId: e.identifier,
  });
  const row = (await repo.getSupport(tx, id))!;
  await recordAudit(tx, ctx, { entityType: 'knowledge-support', entityId: id, action: 'create', after: supportCore(row) });
  const version = await repo.insertVersion(tx, id, { ...versionFields(e), status: 'publicerad' });
  await recordAudit(tx, ctx, {
    entityType: 'knowledge-support-version',
    entityId: version.id,
    action: 'create',
    after: versionAudit(version, []),
  });
  return id;
}

async function applyUpdate(tx: Queryable, ctx: Ctx, p: Extract<Plan, { outcome: 'updated' }>): Promise<void> {
  const e = p.entry;
  const before = (await repo.getSupport(tx, p.known.id, { forUpdate: true }))!;
  const merged: repo.SupportWrite = {
    type: e.type,
    title: e.title,
    producerKind: e.producerKind,
    producerGroupId: before.producerGroupId,
    producerName: e.producerName,
    sender: before.sender,
    url: e.url,
    summary: before.summary,
    targetGroups: before.targetGroups,
    programAreaIds: before.programAreaIds,
    nextRevisionDate: e.nextRevisionDate,
    validFrom: before.validFrom,
    validUntil: before.validUntil,
  };
  await repo.updateSupportRow(tx, before.id, before.version, merged);
  if (p.newVersion) {
    // The version in force until now is replaced (kept in the history); the new one is published.
    for (const v of await repo.versionsOf(tx, before.id)) {
      if (v.status !== IN_FORCE) continue;
      const after = await repo.setVersionStatus(tx, v.id, 'ersatt');
      await recordTransitionAudit(tx, ctx, {
        entityType: 'knowledge-support-version',
        entityId: v.id,
        action: 'transition',
        before: { status: v.status, version: v.version },
        after: {
          status: 'ersatt',
          version: after.version,
          reason: `ersatt av version ${e.versionLabel} i den nationella katalogen`,
          action: 'replace',
        },
      });
    }
    const version = await repo.insertVersion(tx, before.id, { ...versionFields(e), status: 'publicerad' });
    await recordAudit(tx, ctx, {
      entityType: 'knowledge-support-version',
      entityId: version.id,
      action: 'create',
      after: versionAudit(version, []),
    });
    if (before.status !== IN_FORCE) {
      const moved = await repo.setSupportStatus(tx, before.id, 'publicerad');
      await recordTransitionAudit(tx, ctx, {
        entityType: 'knowledge-support',
        entityId: before.id,
        action: 'transition',
        before: { status: before.status, version: before.version + 1 },
        after: {
          status: 'publicerad',
          version: moved.version,
          reason: `version ${e.versionLabel} publicerad i den nationella katalogen`,
          action: 'publish',
        },
      });
    }
  }
  const after = (await repo.getSupport(tx, before.id))!;
  await recordAudit(tx, ctx, {
    entityType: 'knowledge-support',
    entityId: before.id,
    action: 'update',
    before: supportCore(before),
    after: supportCore(after),
  });
}

async function withdraw(tx: Queryable, ctx: Ctx, k: KnownSupport, fileName: string): Promise<void> {
  await runTransition(tx, ctx, supportLifecycle, {
    id: k.id,
    action: 'repeal',
    reason: `Saknas i den nationella katalogen (${fileName}).`,
    lock: (q) => repo.getSupport(q, k.id, { forUpdate: true }),
    authorize: () => undefined,
    apply: (q, _row, to, reason) => repo.setSupportStatus(q, k.id, to, { reason }),
    auditDetails: { because: 'katalogimport' },
  });
}

/** The dry run's report, or the applied import's (applied: true), for the file. */
export async function importCatalogue(db: Db, ctx: Ctx, input: CatalogueImportInput): Promise<CatalogueReport> {
  return db.transaction(async (tx) => {
    await knowledgePolicy(ctx, tx).assertWrite();
    const table = await readCatalogueFile(input.format, input.contentBase64);
    const read = readCatalogueRows(table.header, table.rows);
    if (read.fileProblems.length) {
      throw unprocessable(
        read.fileProblems.join(' '),
        read.fileProblems.map((m) => ({ path: '/contentBase64', message: m })),
      );
    }
    if (input.full && read.entries.length === 0) {
      throw unprocessable('Filen har inga giltiga rader; en tom katalog drar inte tillbaka något.', [
        { path: '/contentBase64', message: `${read.errors.length} rader med fel, inga giltiga` },
      ]);
    }
    if (!input.dryRun) await repo.lockCatalogue(tx);
    const plans = planCatalogue(read, await knownSupports(tx), { full: input.full });
    const base = { fileName: input.fileName, full: input.full, counts: countsOf(plans) };
    if (input.dryRun) {
      const known = (p: Plan) => (p.outcome === 'new' ? null : (p.known?.id ?? null));
      return { ...base, applied: false, rows: plans.map((p) => reportRow(p, known(p))) };
    }
    const rows = [];
    for (const p of plans) {
      switch (p.outcome) {
        case 'new':
          rows.push(reportRow(p, await addNew(tx, ctx, p.entry, input.isDemo ?? false)));
          break;
        case 'updated':
          await applyUpdate(tx, ctx, p);
          rows.push(reportRow(p, p.known.id));
          break;
        case 'withdrawn':
          await withdraw(tx, ctx, p.known, input.fileName);
          rows.push(reportRow(p, p.known.id));
          break;
        case 'unchanged':
          rows.push(reportRow(p, p.known.id));
          break;
        case 'error':
          rows.push(reportRow(p, p.known?.id ?? null));
          break;
      }
    }
    const diff = {
      fileName: input.fileName,
      full: input.full,
      counts: base.counts,
      rows: rows
        .filter((r) => r.outcome !== 'unchanged')
        .map((r) => ({
          row: r.row,
          identifier: r.identifier,
          outcome: r.outcome,
          message: r.message,
          changes: r.changes,
          supportId: r.supportId,
        })),
    };
    if (input.source) {
      await recordAudit(tx, ctx, {
        entityType: 'knowledge-catalogue',
        entityId: input.source.url,
        action: 'sync',
        after: { ...diff, url: input.source.url },
      });
    } else {
      await recordAudit(tx, ctx, { entityType: 'knowledge-catalogue', entityId: randomUUID(), action: 'import', after: diff });
    }
    return { ...base, applied: true, rows };
  });
}
