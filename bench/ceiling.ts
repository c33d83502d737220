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

  // The same server sending an answer of a given size without a query: the ceiling for a large
  // answer (bench/run.ts sets a large endpoint against it as well as against the one-row ceiling).
  const bodies = new Map<number, Buffer>();
  app.get<{ Params: { bytes: string } }>('/bytes/:bytes', async (req, reply) => {
    const n = Math.min(Math.max(Number(req.params.bytes) || 0, 16), 4 * 1024 * 1024);
    let body = bodies.get(n);
    if (!body) {
      body = Buffer.from(`{"items":"${'x'.repeat(n - 13)}"}`, 'utf8');
      bodies.set(n, body);
    }
    return reply.type('application/json; charset=utf-8').send(body);
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
