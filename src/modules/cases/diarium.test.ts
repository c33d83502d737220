import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.js';
import { useClock } from '../../../test/helpers/clock.js';
import type { Ctx, RoleAssignment } from '../../platform/context.js';
import { buildCase } from '../../testing/builders.js';
import { addCaseClassification } from './add-case-classification.js';
import { listCaseClassifications } from './list-case-classifications.js';
import { readCase } from './read-case.js';
import { readCaseRegister } from './read-case-register.js';
import { updateCase } from './update-case.js';
import { updateCaseClassification } from './update-case-classification.js';
import { uploadDocument } from './upload-document.js';

/**
 * The official diarium on a real database without HTTP: the region's klassificeringsstruktur,
 * a case's official diarienummer and classification, and how a document is registered.
 */
const t = useTestApp();
useClock('2026-11-26');

const as = (roles: RoleAssignment[]): Ctx => ({
  actor: { userId: randomUUID(), email: `u-${randomUUID()}@example.se`, name: 'Testperson', roles, via: 'session' },
  requestId: 'test',
});
const coordinator = (region = '10') => as([{ role: 'samordnare', scopeType: 'region', scopeId: region }]);
const registrator = (region = '10') => as([{ role: 'registrator', scopeType: 'region', scopeId: region }]);

async function problemOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e as { status: number; detail: string; errors?: { path: string }[] };
  }
  throw new Error('expected a problem');
}

const auditOf = (entityId: string) =>
  t.db.query<{ action: string }>('SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id', [entityId]);

describe('the klassificeringsstruktur', () => {
  it('is a tree of codes kept by the coordinator, audited, listed in code order', async () => {
    const ctx = coordinator('12');
    const top = await addCaseClassification(t.db, ctx, { region: '12', code: '1', title: 'Styrning och ledning' });
    const mid = await addCaseClassification(t.db, ctx, { region: '12', code: '1.2', title: 'Kunskapsstyrning' });
    await addCaseClassification(t.db, ctx, { region: '12', code: '1.10', title: 'Uppföljning' });
    await addCaseClassification(t.db, ctx, { region: '12', code: '1.2.3', title: ' Kunskapsstyrning – remisser ' });
    const orphan = await problemOf(addCaseClassification(t.db, ctx, { region: '12', code: '2.1', title: 'Utan förälder' }));
    expect(orphan.status).toBe(422);
    expect(orphan.errors?.[0]?.path).toBe('code');
    const twice = await problemOf(addCaseClassification(t.db, ctx, { region: '12', code: '1.2', title: 'Igen' }));
    expect(twice.status).toBe(409);

    const list = await listCaseClassifications(t.db, ctx, { region: '12' });
    expect(list.items.map((c) => `${c.code} ${c.title}`)).toEqual([
      '1 Styrning och ledning',
      '1.2 Kunskapsstyrning',
      '1.2.3 Kunskapsstyrning – remisser',
      '1.10 Uppföljning',
    ]);
    expect(list.canManage).toBe(true);
    expect((await listCaseClassifications(t.db, registrator('12'), { region: '12' })).canManage).toBe(false);
    expect((await auditOf(top.id)).map((a) => a.action)).toEqual(['create']);

    // A branch is made inactive from its leaves up, and active again from its root down.
    const withChildren = await problemOf(updateCaseClassification(t.db, ctx, mid.id, mid.version, { active: false }));
    expect(withChildren.status).toBe(422);
    const leaf = list.items.find((c) => c.code === '1.2.3')!;
    await updateCaseClassification(t.db, ctx, leaf.id, leaf.version, { active: false });
    const midOff = await updateCaseClassification(t.db, ctx, mid.id, mid.version, {
      active: false,
      title: 'Kunskapsstyrning (gammal)',
    });
    expect(midOff).toMatchObject({ active: false, title: 'Kunskapsstyrning (gammal)', version: 2 });
    expect((await listCaseClassifications(t.db, ctx, { region: '12' })).items.map((c) => c.code)).toEqual(['1', '1.10']);
    expect((await listCaseClassifications(t.db, ctx, { region: '12', includeInactive: true })).items).toHaveLength(4);
    const leafOn = await problemOf(updateCaseClassification(t.db, ctx, leaf.id, 2, { active: true }));
    expect(leafOn.status).toBe(422);
    expect((await problemOf(updateCaseClassification(t.db, ctx, mid.id, 1, { active: true }))).status).toBe(409);
    expect((await auditOf(mid.id)).map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('is kept only with cases.classification in the region, and is not seen from another region', async () => {
    const own = await addCaseClassification(t.db, coordinator('13'), { region: '13', code: '1', title: 'Hallands klass' });
    expect(
      (await problemOf(addCaseClassification(t.db, registrator('13'), { region: '13', code: '2', title: 'X' }))).status,
    ).toBe(403);
    expect((await problemOf(updateCaseClassification(t.db, registrator('13'), own.id, 1, { title: 'Y' }))).status).toBe(403);
    expect((await problemOf(updateCaseClassification(t.db, coordinator('10'), own.id, 1, { title: 'Y' }))).status).toBe(404);
    expect((await problemOf(listCaseClassifications(t.db, coordinator('10'), { region: '13' }))).status).toBe(404);
  });
});

describe("a case's place in the official diarium", () => {
  it('takes an official diarienummer, unique in the region, and shows it in the public register', async () => {
    const a = await buildCase(t.db, { region: '14' });
    const b = await buildCase(t.db, { region: '14' });
    const other = await buildCase(t.db, { region: '20' });
    const ctx = registrator('14');
    const after = await updateCase(t.db, ctx, a.id, a.version, { diarienummer: '  RS 2026/0123 ' });
    expect(after.diarienummer).toBe('RS 2026/0123');
    expect(after.caseNumber).toBe(a.caseNumber);
    const clash = await problemOf(updateCase(t.db, ctx, b.id, b.version, { diarienummer: 'RS 2026/0123' }));
    expect(clash.status).toBe(409);
    expect(clash.detail).toContain(a.caseNumber);
    // Another region may use the same number.
    await updateCase(t.db, registrator('20'), other.id, other.version, { diarienummer: 'RS 2026/0123' });
    const register = await readCaseRegister(
      t.db,
      { actor: undefined, requestId: 't' },
      { region: '14' },
      { publicCaseRegister: true },
    );
    expect(register.items.find((x) => x.caseNumber === a.caseNumber)?.diarienummer).toBe('RS 2026/0123');
    // An empty number clears it; the audit trail records both changes.
    const cleared = await updateCase(t.db, ctx, a.id, after.version, { diarienummer: '  ' });
    expect(cleared.diarienummer).toBeNull();
    expect((await auditOf(a.id)).map((x) => x.action)).toEqual(['register', 'update', 'update']);
  });

  it("is classified with an active entry of its own region's structure only", async () => {
    const c = await buildCase(t.db, { region: '17' });
    const entry = await addCaseClassification(t.db, coordinator('17'), { region: '17', code: '3', title: 'Remisser' });
    const old = await addCaseClassification(t.db, coordinator('17'), { region: '17', code: '4', title: 'Gammalt' });
    await updateCaseClassification(t.db, coordinator('17'), old.id, 1, { active: false });
    const foreign = await addCaseClassification(t.db, coordinator('18'), { region: '18', code: '3', title: 'Annan region' });

    const ctx = registrator('17');
    // Another region's entry: the caller cannot see it (404, as its GET); an administrator who can, 422.
    expect((await problemOf(updateCase(t.db, ctx, c.id, c.version, { classificationId: foreign.id }))).status).toBe(404);
    const admin = as([{ role: 'admin', scopeType: 'system', scopeId: '' }]);
    const wrongRegion = await problemOf(updateCase(t.db, admin, c.id, c.version, { classificationId: foreign.id }));
    expect(wrongRegion.status).toBe(422);
    expect(wrongRegion.errors?.[0]?.path).toBe('classificationId');
    expect((await problemOf(updateCase(t.db, ctx, c.id, c.version, { classificationId: old.id }))).status).toBe(422);

    await updateCase(t.db, ctx, c.id, c.version, { classificationId: entry.id });
    expect(await readCase(t.db, ctx, c.id)).toMatchObject({
      classificationId: entry.id,
      classificationCode: '3',
      classificationTitle: 'Remisser',
    });
  });
});

describe('a document registered in the diarium', () => {
  const bytes = Buffer.from('Handling\n');
  it('is upprättad and dated today unless told, and names its sender or recipient by direction', async () => {
    const c = await buildCase(t.db, { region: '19' });
    const ctx = registrator('19');
    const plain = await uploadDocument(t.db, ctx, c.id, { fileName: 'a.txt', bytes });
    expect(plain).toMatchObject({ direction: 'upprattad', counterpart: null, documentType: null, documentDate: '2026-11-26' });

    const incoming = await uploadDocument(t.db, ctx, c.id, {
      fileName: 'b.txt',
      bytes,
      direction: 'inkommande',
      counterpart: ' Socialstyrelsen ',
      documentType: 'remiss',
      documentDate: '2026-11-20',
    });
    expect(incoming).toMatchObject({
      direction: 'inkommande',
      counterpart: 'Socialstyrelsen',
      documentType: 'remiss',
      documentDate: '2026-11-20',
    });

    const noSender = await problemOf(uploadDocument(t.db, ctx, c.id, { fileName: 'c.txt', bytes, direction: 'inkommande' }));
    expect(noSender.status).toBe(422);
    expect(noSender.errors?.map((e) => e.path)).toEqual(['counterpart']);
    const noRecipient = await problemOf(uploadDocument(t.db, ctx, c.id, { fileName: 'd.txt', bytes, direction: 'utgaende' }));
    expect(noRecipient.detail).toContain('mottagare');
    const future = await problemOf(uploadDocument(t.db, ctx, c.id, { fileName: 'e.txt', bytes, documentDate: '2026-11-27' }));
    expect(future.errors?.map((e) => e.path)).toEqual(['documentDate']);
    const [{ n }] = (await t.db.query<{ n: number }>('SELECT count(*) AS n FROM case_documents WHERE case_id = $1', [c.id])) as [
      { n: number },
    ];
    expect(n).toBe(2);
  });
});
