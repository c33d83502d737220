/**
 * The knowledge lifecycles on a real database, without HTTP: every move runs through
 * runTransition, and what moves with a version (VERSION_MOVES) moves as its own audited
 * transition in the same transaction.
 */
import { describe, expect, it } from 'vitest';
import '../src/modules/organisation/repository.js';
import { createVersion } from '../src/modules/knowledge/create-version.js';
import * as repo from '../src/modules/knowledge/repository.js';
import { applyVersionTransition, transitionSupport, transitionVersion } from '../src/modules/knowledge/transition.js';
import { updateSupport } from '../src/modules/knowledge/update-support.js';
import { systemCtx } from '../src/platform/context.js';
import { buildKnowledgeSupport } from '../src/testing/builders.js';
import { useTestDb } from './helpers/db.js';

const t = useTestDb();
const ctx = systemCtx('knowledge-lifecycle-test');

const trail = (id: string) =>
  t.db.query<{ action: string; before: { status: string } | null; after: Record<string, unknown> | null }>(
    'SELECT action, before, after FROM audit_events WHERE entity_id = $1 ORDER BY id',
    [id],
  );
const statusOf = async (supportId: string) => (await repo.getSupport(t.db, supportId))!.status;
const versions = async (supportId: string) => (await repo.versionsOf(t.db, supportId)).map((v) => `${v.label}:${v.status}`);

describe('the lifecycles of a support and its versions', () => {
  it('publishing a new version replaces the version in force and publishes the support, each move audited', async () => {
    const s = await buildKnowledgeSupport(t.db, { status: 'publicerad' });
    const v2 = await createVersion(t.db, ctx, s.id, {
      label: '2.0',
      changeSummary: null,
      url: null,
      decidedOn: null,
      publishedOn: null,
      validFrom: null,
      validUntil: null,
    });
    expect(await statusOf(s.id)).toBe('under-revision');

    const published = await transitionVersion(t.db, ctx, v2.id, v2.version, { action: 'publish', date: '2027-03-01' });
    expect(published).toMatchObject({ status: 'publicerad', publishedOn: '2027-03-01' });
    expect(await versions(s.id)).toEqual(['1.0:ersatt', '2.0:publicerad']);
    expect(await statusOf(s.id)).toBe('publicerad');

    const old = (await trail(s.firstVersionId!)).at(-1)!;
    expect(old).toMatchObject({
      action: 'transition',
      before: { status: 'publicerad' },
      after: { status: 'ersatt', replacedByVersionId: v2.id },
    });
    expect((await trail(s.id)).map((a) => `${a.action}:${a.before?.status ?? ''}>${String(a.after?.status)}`)).toEqual([
      'create:>publicerad',
      'transition:publicerad>under-revision',
      'transition:under-revision>publicerad',
    ]);
  });

  it('a version taken back from remiss takes a new support back to its draft; the status body still works', async () => {
    const s = await buildKnowledgeSupport(t.db);
    await t.db.transaction(async (tx) =>
      applyVersionTransition(tx, ctx, (await repo.getVersion(tx, s.firstVersionId!))!, 'pa-remiss', '2027-01-10'),
    );
    expect(await statusOf(s.id)).toBe('pa-remiss');
    const v = (await repo.getVersion(t.db, s.firstVersionId!))!;
    await transitionVersion(t.db, ctx, v.id, v.version, { status: 'under-framtagande' });
    expect(await statusOf(s.id)).toBe('under-framtagande');
    await expect(transitionVersion(t.db, ctx, v.id, v.version + 1, { status: 'ersatt' })).rejects.toMatchObject({
      status: 422,
      detail: 'Från under framtagande kan statusen bara bli på remiss, beslutad, publicerad, upphävd.',
    });
  });

  it('repealing a support needs a reason, and a final support is frozen; a version is repealed without one', async () => {
    const s = await buildKnowledgeSupport(t.db);
    await expect(transitionSupport(t.db, ctx, s.id, s.version, { action: 'repeal' })).rejects.toMatchObject({ status: 422 });
    const repealed = await transitionSupport(t.db, ctx, s.id, s.version, { action: 'repeal', reason: 'Ersätts av riktlinjer' });
    expect(repealed).toMatchObject({ status: 'upphavd', statusReason: 'Ersätts av riktlinjer' });
    await expect(updateSupport(t.db, ctx, s.id, repealed.version, { title: 'Nytt' })).rejects.toMatchObject({ status: 409 });

    const v = (await repo.getVersion(t.db, s.firstVersionId!))!;
    expect(await transitionVersion(t.db, ctx, v.id, v.version, { action: 'repeal' })).toMatchObject({ status: 'upphavd' });
  });
});
