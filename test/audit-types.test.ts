import { describe, expect, it } from 'vitest';
import {
  recordAudit,
  type AuditAction,
  type AuditEntity,
  type AuditPayload,
  type AuditPayloads,
} from '../src/platform/audit/record.js';
import type { Queryable } from '../src/platform/db/index.js';
import { systemCtx } from '../src/platform/context.js';
// The modules' declarations are part of the program through their routes (and the server).
import '../src/server.js';

/**
 * Typed audit: each kind's payload is declared in its module's audit.ts, so a wrong payload
 * or an undeclared kind fails `npm run typecheck` (tsconfig.json covers test/). The
 * `@ts-expect-error` line and the `Undeclared` check below are the proof: if the typing
 * loosened, the typecheck would fail on them.
 */
type Undeclared = {
  [E in AuditEntity]: { [A in AuditAction<E>]: `${E}.${A}` extends keyof AuditPayloads ? never : `${E}.${A}` }[AuditAction<E>];
}[AuditEntity];

describe('typed audit payloads', () => {
  it('records a declared payload; a wrong one does not compile', async () => {
    const written: unknown[] = [];
    const tx = { query: async (_sql: string, params: unknown[]) => (written.push(params), []) } as unknown as Queryable;
    const after: AuditPayload<'case', 'transition'>['after'] = { status: 'avslutad', version: 2, reason: 'Inget att besluta.' };
    // @ts-expect-error — a transition's `after` needs the version it led to and the reason
    const wrong: AuditPayload<'case', 'transition'>['after'] = { status: 'avslutad' };
    await recordAudit(tx, systemCtx('types'), {
      entityType: 'case',
      entityId: 'c1',
      action: 'transition',
      before: { status: 'registrerad', version: 1 },
      after,
    });
    expect(written).toHaveLength(1);
    expect(wrong.status).toBe('avslutad');
  });

  it('has a declared payload for every kind of src/shared/audit-kinds.ts', () => {
    // `Undeclared` is never exactly when every kind is declared; otherwise this line does not compile.
    const none: [Undeclared] extends [never] ? 'all declared' : Undeclared = 'all declared';
    expect(none).toBe('all declared');
  });
});
