import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../src/platform/config.js';
import type { Db } from '../src/platform/db/index.js';
import { EMAIL_QUEUE, queueEmail, SMTP_MISSING } from '../src/platform/jobs/email.js';
import { jobHandlers } from '../src/jobs.js';
import { drainJobs } from '../src/platform/jobs/worker.js';
import { testConfig } from './helpers/app.js';
import { dropTestDatabases, testDb } from './helpers/db.js';

interface Received {
  from: string | undefined;
  to: string[];
  headers: Record<string, string>;
  body: string;
}

/** Enough MIME to read what nodemailer writes: unfolded headers, RFC 2047 words, QP/base64 bodies. */
function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : qp(text.replace(/_/g, ' ')),
  );
}

function qp(text: string): string {
  const bytes: number[] = [];
  const s = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(s[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function parseMessage(raw: string): Pick<Received, 'headers' | 'body'> {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  const encoded = raw.slice(split + 4);
  const cte = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const body =
    cte === 'quoted-printable'
      ? qp(encoded)
      : cte === 'base64'
        ? Buffer.from(encoded.replace(/\s+/g, ''), 'base64').toString('utf8')
        : encoded;
  return { headers, body: body.replace(/\r\n/g, '\n').trimEnd() };
}

const REFUSED = 'studsar@example.se';
const inbox: Received[] = [];
let server: SMTPServer;
let smtp: NonNullable<Config['smtp']>;
let db: Db;

beforeAll(async () => {
  server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address === REFUSED) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const envelopeFrom = session.envelope.mailFrom;
        inbox.push({
          from: envelopeFrom ? envelopeFrom.address : undefined,
          to: session.envelope.rcptTo.map((r) => r.address),
          ...parseMessage(Buffer.concat(chunks).toString('utf8')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  smtp = { host: '127.0.0.1', port, secure: false, from: 'Navet <navet@example.se>' };
  db = await testDb();
});

afterAll(async () => {
  await db?.close();
  await dropTestDatabases();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

beforeEach(() => {
  inbox.length = 0;
});

const withSmtp = () => jobHandlers(db, testConfig({ smtp }));
const withoutSmtp = () => jobHandlers(db, testConfig({ smtp: undefined }));

const emailRow = async (id: string) =>
  (
    await db.query<{ sent_at: Date | null; message_id: string | null }>(
      'SELECT sent_at, message_id FROM outbound_emails WHERE id = $1',
      [id],
    )
  )[0]!;

const jobFor = async (id: string) =>
  (
    await db.query<{ status: string; attempts: number; last_error: string | null; due_in: number }>(
      `SELECT status, attempts, last_error, extract(epoch FROM run_at - now())::float8 AS due_in
       FROM jobs WHERE queue = $1 AND payload->>'emailId' = $2`,
      [EMAIL_QUEUE, id],
    )
  )[0]!;

const makeDue = (id: string) =>
  db.query(`UPDATE jobs SET run_at = now() WHERE queue = $1 AND payload->>'emailId' = $2`, [EMAIL_QUEUE, id]);

describe('outbound e-mail through the job queue', () => {
  it('delivers a queued e-mail once over SMTP, Swedish characters intact, and records it as sent', async () => {
    const mail = {
      to: 'åsa.öberg@example.se',
      subject: 'Remiss: Vårdförlopp för höftfraktur – svar senast 12 maj',
      text: 'Hej Åsa!\n\nNPO Rörelseorganens sjukdomar önskar ert yttrande.\nÄndringar i ärendet syns i Navet.\n\nMed vänlig hälsning\nSamverkansgruppen',
    };
    const id = await db.transaction((tx) => queueEmail(tx, mail));
    expect(inbox).toHaveLength(0); // nothing is sent from inside the transaction

    expect(await drainJobs(db, withSmtp())).toBe(1);

    expect(inbox).toHaveLength(1);
    const got = inbox[0]!;
    expect(got.to).toEqual([mail.to]);
    expect(got.from).toBe('navet@example.se');
    expect(got.headers.to).toBe(mail.to);
    expect(got.headers.subject).toBe(mail.subject);
    expect(got.body).toBe(mail.text);
    expect(got.headers['message-id']).toBe(`<${id}@navet>`);

    const row = await emailRow(id);
    expect(row.sent_at).toBeInstanceOf(Date);
    expect(row.message_id).toBe(`<${id}@navet>`);
    expect(await jobFor(id)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('is idempotent: draining again, or re-running the same job, sends nothing more', async () => {
    const id = await db.transaction((tx) =>
      queueEmail(tx, { to: 'per@example.se', subject: 'Kallelse', text: 'Möte i morgon.' }),
    );
    await drainJobs(db, withSmtp());
    expect(inbox).toHaveLength(1);
    const sentAt = (await emailRow(id)).sent_at;

    expect(await drainJobs(db, withSmtp())).toBe(0);
    // At-least-once delivery may hand the handler the same job twice; the e-mail is not resent.
    await withSmtp()[EMAIL_QUEUE]!({ emailId: id });
    expect(inbox).toHaveLength(1);
    expect((await emailRow(id)).sent_at).toEqual(sentAt);
  });

  it('an e-mail in a rolled-back transaction is neither stored nor sent', async () => {
    await expect(
      db.transaction(async (tx) => {
        await queueEmail(tx, { to: 'ingen@example.se', subject: 'Aldrig', text: 'Ska inte skickas.' });
        throw new Error('use case refused');
      }),
    ).rejects.toThrow('use case refused');
    expect(await db.query(`SELECT 1 FROM outbound_emails WHERE to_address = 'ingen@example.se'`)).toHaveLength(0);
    await drainJobs(db, withSmtp());
    expect(inbox).toHaveLength(0);
  });

  it('with no SMTP configured the job fails and is retried later, not lost', async () => {
    const id = await db.transaction((tx) =>
      queueEmail(tx, { to: 'karin@example.se', subject: 'Påminnelse', text: 'Glöm inte beredningen.' }),
    );
    // Said once at start (SMTP_MISSING); each waiting job is one quiet line, never a stack trace.
    const logged: { level: string; obj: Record<string, unknown> }[] = [];
    const log = Object.fromEntries(
      ['debug', 'info', 'warn', 'error'].map((level) => [level, (obj: Record<string, unknown>) => logged.push({ level, obj })]),
    ) as unknown as Parameters<typeof drainJobs>[2];
    expect(await drainJobs(db, withoutSmtp(), log)).toBe(1);
    expect(logged).toEqual([{ level: 'debug', obj: expect.objectContaining({ reason: SMTP_MISSING }) as unknown }]);

    expect(inbox).toHaveLength(0);
    expect((await emailRow(id)).sent_at).toBeNull();
    const job = await jobFor(id);
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(job.last_error).toMatch(/SMTP/);
    expect(job.due_in).toBeGreaterThan(0);

    // Once SMTP is configured and the back-off has passed, the same e-mail goes out.
    await makeDue(id);
    expect(await drainJobs(db, withSmtp())).toBe(1);
    expect(inbox.map((m) => m.headers.subject)).toEqual(['Påminnelse']);
    expect((await emailRow(id)).sent_at).toBeInstanceOf(Date);
    expect(await jobFor(id)).toMatchObject({ status: 'done', attempts: 2, last_error: null });
  });

  it('a recipient refused by the SMTP server leaves the e-mail unsent and the job pending a retry', async () => {
    const id = await db.transaction((tx) => queueEmail(tx, { to: REFUSED, subject: 'Studs', text: 'Kommer inte fram.' }));
    await drainJobs(db, withSmtp());
    expect(inbox).toHaveLength(0);
    expect((await emailRow(id)).sent_at).toBeNull();
    const job = await jobFor(id);
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(job.last_error).toMatch(/550|Mailbox unavailable/);
  });
});
