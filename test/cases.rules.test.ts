import { describe, expect, it } from 'vitest';
import { checkEscalation } from '../src/modules/cases/rules/escalation.js';
import { checkFile, claimedSha256, cleanFileName, sniff } from '../src/modules/cases/rules/file-type.js';
import { dueNoticeMail, noticeHorizon } from '../src/modules/cases/rules/due-notice.js';
import { CASE_STATUSES, checkTransition, TRANSITIONS, type CaseStatus } from '../src/modules/cases/rules/lifecycle.js';

const ok = (from: CaseStatus, to: CaseStatus, o: Partial<Parameters<typeof checkTransition>[0]> = {}) =>
  checkTransition({ from, to, openActions: 0, reason: 'skäl', ...o });

describe('the case lifecycle (pure)', () => {
  it('runs the main line registrerad → … → avslutad', () => {
    const line: CaseStatus[] = ['registrerad', 'under-beredning', 'for-beslut', 'beslutad', 'under-genomforande', 'avslutad'];
    for (let i = 1; i < line.length; i++) expect(ok(line[i - 1]!, line[i]!, { reason: undefined })).toEqual({ ok: true });
  });

  it('allows exactly the listed transitions, and nothing out of avslutad', () => {
    for (const from of CASE_STATUSES) {
      for (const to of CASE_STATUSES) {
        const v = ok(from, to);
        const listed = TRANSITIONS[from].includes(to);
        expect(v.ok, `${from} → ${to}`).toBe(listed);
      }
    }
    expect(TRANSITIONS.avslutad).toEqual([]);
  });

  it('says conflict (409) for "already there" and for a closed case, rule (422) for a skipped step', () => {
    expect(ok('avslutad', 'avslutad')).toEqual({ ok: false, kind: 'conflict', message: 'Ärendet är redan avslutat.' });
    expect(ok('avslutad', 'under-beredning')).toMatchObject({ ok: false, kind: 'conflict' });
    expect(ok('registrerad', 'beslutad')).toMatchObject({ ok: false, kind: 'rule', path: 'to' });
  });

  it('återremiss, bordläggning and writing off before a decision need a reason; closing after implementation does not', () => {
    expect(ok('for-beslut', 'aterremitterad', { reason: '  ' })).toMatchObject({ ok: false, path: 'reason' });
    expect(ok('for-beslut', 'bordlagd', { reason: undefined })).toMatchObject({ ok: false, path: 'reason' });
    expect(ok('registrerad', 'avslutad', { reason: undefined })).toMatchObject({ ok: false, path: 'reason' });
    expect(ok('under-genomforande', 'avslutad', { reason: undefined })).toEqual({ ok: true });
  });

  it('cannot close with open action items (one or several), whatever the path', () => {
    expect(ok('beslutad', 'avslutad', { openActions: 1 })).toMatchObject({
      ok: false,
      message: 'Ärendet kan inte avslutas: en åtgärdspunkt är fortfarande öppen.',
    });
    expect(ok('under-genomforande', 'avslutad', { openActions: 3 })).toMatchObject({
      ok: false,
      message: 'Ärendet kan inte avslutas: 3 åtgärdspunkter är fortfarande öppna.',
    });
    expect(ok('beslutad', 'under-genomforande', { openActions: 3 })).toEqual({ ok: true });
  });

  it('a bundled case is not put forward or decided on its own, but follows its main case', () => {
    expect(ok('for-beslut', 'beslutad', { bundledInto: 'main' })).toMatchObject({ ok: false, kind: 'rule' });
    expect(ok('under-beredning', 'for-beslut', { bundledInto: 'main' })).toMatchObject({ ok: false });
    expect(ok('for-beslut', 'beslutad', { bundledInto: 'main', followingMain: true })).toEqual({ ok: true });
    expect(ok('under-beredning', 'avslutad', { bundledInto: 'main' })).toEqual({ ok: true });
  });
});

describe('escalation to the kunskapsråd', () => {
  const g = (kind: string, owner = '10') => ({
    id: kind,
    name: kind === 'council' ? 'Kunskapsrådet' : 'LPO Ordförandeforum',
    kind,
    owner,
    status: 'active',
  });
  it('goes from a tactical forum to a council of the same region, with a reason', () => {
    expect(
      checkEscalation({ caseRegion: '10', from: g('forum'), to: g('council'), reason: 'Resursfråga', bundled: false }),
    ).toEqual({ ok: true });
    expect(checkEscalation({ caseRegion: '10', from: null, to: g('council'), reason: 'x', bundled: false })).toMatchObject({
      ok: false,
    });
    expect(
      checkEscalation({ caseRegion: '10', from: g('council'), to: g('council'), reason: 'x', bundled: false }),
    ).toMatchObject({ ok: false });
    expect(checkEscalation({ caseRegion: '10', from: g('forum'), to: g('forum'), reason: 'x', bundled: false })).toMatchObject({
      ok: false,
    });
    expect(
      checkEscalation({ caseRegion: '10', from: g('forum'), to: g('council', '08'), reason: 'x', bundled: false }),
    ).toMatchObject({ ok: false });
    expect(checkEscalation({ caseRegion: '10', from: g('forum'), to: g('council'), reason: ' ', bundled: false })).toMatchObject({
      path: 'reason',
    });
    expect(checkEscalation({ caseRegion: '10', from: g('forum'), to: g('council'), reason: 'x', bundled: true })).toMatchObject({
      ok: false,
    });
  });
});

describe('file types from the bytes', () => {
  it('sniffs PDF, PNG, JPEG and text; refuses binary and unknown zips', () => {
    expect(sniff(Buffer.from('%PDF-1.4'))).toBe('pdf');
    expect(sniff(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xdb]))).toBe('jpeg');
    expect(sniff(Buffer.from('Namn;Ålder\nÖrjan;52\n'))).toBe('text');
    expect(sniff(Buffer.from([0x4d, 0x5a, 0x90, 0x00]))).toBeUndefined();
    expect(sniff(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toBeUndefined();
    expect(sniff(Buffer.from([0xc3, 0x28]))).toBeUndefined(); // invalid UTF-8
  });

  it('requires the name and the content to agree', () => {
    expect(checkFile('a.csv', Buffer.from('a;b\n'))).toMatchObject({ ok: true, kind: 'csv' });
    expect(checkFile('a.txt', Buffer.from('a;b\n'))).toMatchObject({ ok: true, kind: 'txt' });
    expect(checkFile('a.PDF', Buffer.from('%PDF-1.4'))).toMatchObject({ ok: true, kind: 'pdf' });
    expect(checkFile('a.pdf', Buffer.from('text'))).toMatchObject({ ok: false, status: 415 });
    expect(checkFile('a.svg', Buffer.from('<svg/>'))).toMatchObject({ ok: false, status: 415 });
    expect(checkFile('utan-ändelse', Buffer.from('text'))).toMatchObject({ ok: false, status: 415 });
    expect(checkFile('.pdf', Buffer.from('%PDF-'))).toMatchObject({ ok: false, status: 422 });
  });

  it('cleans file names of paths, quotes and control characters', () => {
    expect(cleanFileName('C:\\Users\\x\\Beslut "slutligt".pdf')).toBe('Beslut slutligt.pdf');
    expect(cleanFileName('../../etc/passwd\n.txt')).toBe('passwd.txt');
  });

  it('reads the client checksum from Repr-Digest, Digest or hex', () => {
    const hex = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const b64 = Buffer.from(hex, 'hex').toString('base64');
    expect(claimedSha256({ reprDigest: `sha-256=:${b64}:` })).toBe(hex);
    expect(claimedSha256({ digest: `MD5=abc, SHA-256=${b64}` })).toBe(hex);
    expect(claimedSha256({ hex: hex.toUpperCase() })).toBe(hex);
    expect(claimedSha256({})).toBeUndefined();
    expect(claimedSha256({ digest: 'MD5=abc' })).toBeNull();
    expect(claimedSha256({ hex: '123' })).toBeNull();
  });
});

describe('action item due notices', () => {
  it('looks ahead by the lead time across month ends', () => {
    expect(noticeHorizon('2026-11-29', 3)).toBe('2026-12-02');
    expect(noticeHorizon('2026-12-30', 3)).toBe('2027-01-02');
  });

  it('keeps a secret case out of the e-mail', () => {
    const base = {
      title: 'Kontakta patienten',
      subject: 'Avvikelse',
      caseNumber: 'R10 2026/4',
      dueDate: '2026-12-01',
      today: '2026-12-02',
      caseId: 'x',
      baseUrl: 'https://navet.example',
    };
    const open = dueNoticeMail({ ...base, secret: false }, 'Åsa');
    expect(open.subject).toBe('Försenad åtgärdspunkt: R10 2026/4');
    expect(open.text).toContain(
      'Åtgärdspunkten "Kontakta patienten" i ärende R10 2026/4 – Avvikelse skulle ha varit klar 2026-12-01.',
    );
    expect(open.text).toContain('https://navet.example/arenden-och-beslut/arenden/x');
    const secret = dueNoticeMail({ ...base, secret: true }, 'Åsa');
    expect(secret.text).not.toContain('Kontakta patienten');
    expect(secret.text).not.toContain('Avvikelse');
  });
});
