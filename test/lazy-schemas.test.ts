import Fastify from 'fastify';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { compilePendingSchemas, lazySerializers } from '../src/platform/http/lazy-serializers.js';
import { useTestApp } from './helpers/app.js';

const t = useTestApp();

/** A bare Fastify with the lazy serialisers, without HEAD routes (whose serialisers would be left for the warm-up). */
function appWithLazySerializers() {
  const serializers = lazySerializers();
  const app = Fastify({
    exposeHeadRoutes: false,
    schemaController: { compilersFactory: { buildSerializer: serializers.factory as never } },
  });
  serializers.attach(app);
  return app;
}

describe('schemas compiled when first used (lazy-serializers.ts)', () => {
  // Over a thousand schemas: seconds on a quiet machine, more than the default 30 s on a loaded one.
  it(
    'every route’s response and request schema compiles: what the server’s warm-up does after it listens',
    { timeout: 300_000 },
    async () => {
      const compiled = await compilePendingSchemas(t.app);
      // Every route has at least its 2xx and the shared problem answers.
      expect(compiled).toBeGreaterThan(500);
      expect(await compilePendingSchemas(t.app)).toBe(0);
      // Answers are the same after the warm-up as before it: serialised by the route's schema.
      const res = await t.request({ method: 'GET', url: '/api/v1/regions' });
      expect(res.statusCode).toBe(200);
      expect(res.json<{ items: { code: string }[] }>().items).toHaveLength(21);
    },
  );

  it('a response is still serialised by its schema: a field the schema does not name is left out', async () => {
    // The validators are per process: those of the file's app first, so that what is left below is this app's.
    await compilePendingSchemas(t.app);
    const app = appWithLazySerializers();
    app.get('/x', { schema: { response: { 200: Type.Object({ shown: Type.String() }) } } }, async () => ({
      shown: 'ja',
      secret: 'nej',
    }));
    await app.ready();
    const res = await app.inject({ method: 'GET', url: '/x' });
    expect(res.json()).toEqual({ shown: 'ja' });
    // Compiled by its first answer: nothing is left for the warm-up.
    expect(await compilePendingSchemas(app)).toBe(0);
    await app.close();
  });

  it('the warm-up in slices lets other work run between them, and compiles everything', async () => {
    await compilePendingSchemas(t.app);
    const app = appWithLazySerializers();
    for (const path of ['/a', '/b', '/c']) {
      app.get(path, { schema: { response: { 200: Type.Object({ path: Type.String() }) } } }, async () => ({ path }));
    }
    await app.ready();
    // A slice of 0 ms compiles one schema per turn: work waiting for the next turn runs before it ends.
    let ran = false;
    setImmediate(() => (ran = true));
    expect(await compilePendingSchemas(app, 0)).toBe(3);
    expect(ran).toBe(true);
    expect(await compilePendingSchemas(app)).toBe(0);
    expect((await app.inject({ method: 'GET', url: '/b' })).json()).toEqual({ path: '/b' });
    await app.close();
  });

  it('a schema that cannot compile fails the warm-up, not only the first request', async () => {
    const app = appWithLazySerializers();
    app.get('/broken', { schema: { response: { 200: { $ref: 'nowhere#' } } } }, async () => ({}));
    await app.ready();
    await expect(compilePendingSchemas(app)).rejects.toThrow();
    await app.close();
  });
});
