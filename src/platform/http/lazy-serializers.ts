import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import type { FastifyInstance } from 'fastify';
import { pendingValidators } from './validation.js';

type Serializer = (data: unknown) => string;
type SerializerFactory = ReturnType<typeof SerializerSelector>;

/** The serialisers of one app not yet compiled. */
const pendingByApp = new WeakMap<FastifyInstance, Set<() => void>>();

/**
 * Response serialisers compiled when first used rather than when the app starts.
 *
 * Fastify compiles every route's response schemas (fast-json-stringify) as the app gets ready:
 * about a thousand schemas here, which took most of a start-up (several seconds on this machine,
 * for each test file's app). Each is now compiled by its route's first answer with that status,
 * and {@link compilePendingSchemas} compiles the rest: the server does it after it listens,
 * a few milliseconds per turn of the event loop, and a test does it at once so that a schema that cannot
 * compile still fails the suite.
 */
export function lazySerializers(): {
  factory: SerializerFactory;
  attach(app: FastifyInstance): void;
} {
  const pending = new Set<() => void>();
  const select = SerializerSelector();
  const factory: SerializerFactory = (externalSchemas, options) => {
    const compile = select(externalSchemas, options);
    return (route) => {
      let serialize: Serializer | undefined;
      const ensure = (): Serializer => {
        if (!serialize) {
          serialize = compile(route) as Serializer;
          pending.delete(ensure);
        }
        return serialize;
      };
      pending.add(ensure);
      return (data: unknown) => ensure()(data);
    };
  };
  return { factory, attach: (app) => pendingByApp.set(app, pending) };
}

/** The message a server started with an IPC channel sends its parent once its schemas are compiled (main.ts). */
export const SCHEMAS_COMPILED = 'navet:schemas-compiled';

/**
 * Compiles the app's serialisers, and the process's validators (validation.ts), not yet
 * compiled: all at once, or in slices of about `sliceMs` with a turn of the event loop between
 * them, so requests are answered meanwhile. Throws at the first schema that does not compile.
 */
export async function compilePendingSchemas(app: FastifyInstance, sliceMs = Infinity): Promise<number> {
  const pending = [...(pendingByApp.get(app) ?? []), ...pendingValidators];
  let compiled = 0;
  while (compiled < pending.length) {
    const until = performance.now() + sliceMs;
    do pending[compiled++]!();
    while (compiled < pending.length && performance.now() < until);
    if (compiled < pending.length) await new Promise((r) => setImmediate(r));
  }
  return compiled;
}
