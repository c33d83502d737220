import { recordAudit } from '../../platform/audit/record.js';
import { normaliseEmail } from '../../platform/auth/repository.js';
import type { Ctx } from '../../platform/context.js';
import type { Db, Queryable } from '../../platform/db/index.js';
import { conflict, unprocessable } from '../../platform/errors.js';
import { levelOfOwner } from '../organisation/index.js';
import { peoplePolicy } from './policy.js';
import { presentPerson } from './presenter.js';
import * as repo from './repository.js';

export interface PersonInput {
  name: string;
  email?: string | null;
  employer?: string | null;
  employerType?: string | null;
  profession?: string | null;
  hsaId?: string | null;
  homeOwner?: string;
  isDemo?: boolean;
}

/**
 * Registers a person in an owner's register: the caller's own region or healthcare region by
 * default (the scope of their coordinator role), national for administrators.
 */
export async function createPerson(db: Db, ctx: Ctx, input: PersonInput) {
  return db.transaction(async (tx) => {
    const homeOwner = await assertMayRegisterIn(tx, ctx, input.homeOwner);
    return insertNewPerson(tx, ctx, { ...input, homeOwner });
  });
}

/** The register a person goes into (the caller's default when none is named), after the policy check. */
export async function assertMayRegisterIn(tx: Queryable, ctx: Ctx, owner: string | undefined): Promise<string> {
  const policy = peoplePolicy(ctx, tx);
  const geo = await policy.scope.geography();
  const homeOwner = owner ?? defaultOwner(ctx);
  if (!levelOfOwner(homeOwner, geo)) {
    throw unprocessable(`Okänd ägare "${homeOwner}".`, [
      { path: 'homeOwner', message: 'ska vara national, en sjukvårdsregion eller en länskod' },
    ]);
  }
  await policy.assertManageAt(homeOwner);
  return homeOwner;
}

/**
 * The rules of registering one person, inside the caller's transaction (the register already
 * checked with assertMayRegisterIn): unique e-mail and HSA-id, audited as person.create.
 */
export async function insertNewPerson(tx: Queryable, ctx: Ctx, input: PersonInput & { homeOwner: string }) {
  const email = input.email ? normaliseEmail(input.email) : null;
  if (email && (await repo.findPersonByEmail(tx, email)))
    throw conflict(`Det finns redan en person med e-postadressen ${email}.`);
  if (input.hsaId && (await tx.query('SELECT 1 FROM persons WHERE hsa_id = $1', [input.hsaId])).length) {
    throw conflict(`Det finns redan en person med HSA-id ${input.hsaId}.`);
  }
  const row = await repo.insertPerson(tx, {
    name: input.name.trim(),
    email,
    employer: input.employer ?? null,
    employerType: input.employerType ?? null,
    profession: input.profession ?? null,
    hsaId: input.hsaId ?? null,
    homeOwner: input.homeOwner,
    ...(input.isDemo ? { isDemo: true } : {}),
  });
  await recordAudit(tx, ctx, { entityType: 'person', entityId: row.id, action: 'create', after: presentPerson(row) });
  return row;
}

function defaultOwner(ctx: Ctx): string {
  const scoped = ctx.actor?.roles.find((r) => r.role === 'samordnare' && r.scopeType !== 'system' && r.scopeType !== 'group');
  return scoped?.scopeId ?? 'national';
}
