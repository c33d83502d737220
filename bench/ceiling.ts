/**
 * The ceiling: the fastest a Navet-shaped endpoint could be on this machine and database.
 * A bare Fastify 5 server, the same pool code as Navet (openDatabase), one route, one indexed
 * SELECT, JSON out — no auth hook, no validation, no headers, no presenter. Navet's endpoints
 * are reported as a fraction of this.
 *
 * Run by bench/run.ts as a child process with PORT and DATABASE_URL or NAVET_DATA_DIR set
 * (for PGlite, a copy of the bench's data directory: one process per data directory).
 */
import Fastify from 'fastify';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/index.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config);
  const app = Fastify({ logger: false });

  app.get<{ Params: { code: string } }>('/municipalities/:code', async (req, reply) => {
    const [row] = await db.query<{ code: string; name: string }>('SELECT code, name FROM municipalities WHERE code = $1', [
      req.params.code,
    ]);
    if (!row) return reply.code(404).send({ error: 'not found' });
    return row;
  });

  // An answer lent by the bench (an endpoint's bytes as Navet sent them, gzipped or not), sent
  // back as it is: the ceiling for that very answer.
  const lent = new Map<string, { body: Buffer; type: string; encoding?: string }>();
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: 64 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  app.put<{ Params: { id: string }; Body: Buffer }>('/bodies/:id', async (req, reply) => {
    const type = req.headers['x-body-type'];
    const encoding = req.headers['x-body-encoding'];
    lent.set(req.params.id, {
      body: req.body,
      type: typeof type === 'string' ? type : 'application/octet-stream',
      ...(typeof encoding === 'string' ? { encoding } : {}),
    });
    return reply.code(204).send();
  });
  app.get<{ Params: { id: string } }>('/bodies/:id', async (req, reply) => {
    const b = lent.get(req.params.id);
    if (!b) return reply.code(404).send({ error: 'not found' });
    if (b.encoding) void reply.header('content-encoding', b.encoding);
    return reply.type(b.type).send(b.body);
  });

  const shutdown = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());

  await app.listen({ port: config.port, host: '127.0.0.1' });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
