import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { checkConsequences, checkSupport, checkVersion, versionWrite } from './check.js';
import { supportCore, versionAudit } from './presenter.js';
import { assertVisible } from '../visible.js';
import { knowledgePolicy } from './policy.js';
import * as repo from './repository.js';
import type { LifecycleState } from './rules/lifecycle.js';
import { NATIONAL_OWNER, typeFitsOwner } from './rules/vocabulary.js';
import { unprocessable } from '../../platform/errors.js';
import type { CreateSupportBody } from './schemas.js';

/** The route's body, and what only the demo and imports set. */
export type CreateSupportInput = Static<typeof CreateSupportBody> & {
  /** A support enters the catalogue as a draft, or (loading existing ones) as published. */
  status?: Extract<LifecycleState, 'under-framtagande' | 'publicerad'>;
  isDemo?: boolean;
};

/** 422: a regional type for the nation, or a national type for a region. */
export const typeOwnerMismatch = (owner: string) =>
  unprocessable('Typen passar inte ägaren.', [
    {
      path: '/type',
      message:
        owner === NATIONAL_OWNER
          ? 'Regionala vårdprogram, riktlinjer och rutiner ägs av en region eller sjukvårdsregion.'
          : 'En region skriver regionala vårdprogram, riktlinjer och rutiner; nationella typer hör till den nationella katalogen.',
    },
  ]);

/** The support's fields as the table keeps them: what the body left out is null or empty. */
const supportWrite = (b: CreateSupportInput): repo.SupportWrite => ({
  type: b.type,
  title: b.title,
  producerKind: b.producerKind,
  producerGroupId: b.producerGroupId ?? null,
  producerName: b.producerName ?? null,
  sender: b.sender ?? null,
  url: b.url ?? null,
  summary: b.summary ?? null,
  targetGroups: b.targetGroups ?? [],
  programAreaIds: b.programAreaIds ?? [],
  nextRevisionDate: b.nextRevisionDate ?? null,
  validFrom: b.validFrom ?? null,
  validUntil: b.validUntil ?? null,
});

/**
 * A knowledge support enters the catalogue, with its first version when given: a national one
 * (national roles), or a region's own regional vårdprogram, riktlinje or rutin (its samordnare).
 */
export async function createSupport(db: Db, ctx: Ctx, input: CreateSupportInput) {
  return db.transaction(async (tx) => {
    const owner = input.owner ?? NATIONAL_OWNER;
    await knowledgePolicy(ctx, tx).assertWriteFor(owner);
    if (!typeFitsOwner(input.type, owner)) throw typeOwnerMismatch(owner);
    await assertVisible(tx, ctx, { group: input.producerGroupId ?? null });
    const checked = await checkSupport(tx, supportWrite(input), owner);
    const status = input.status ?? 'under-framtagande';
    const id = await repo.insertSupport(tx, { ...checked, status, isDemo: input.isDemo ?? false, owner });
    const row = (await repo.getSupport(tx, id))!;
    await recordAudit(tx, ctx, { entityType: 'knowledge-support', entityId: id, action: 'create', after: supportCore(row) });
    let firstVersionId: string | null = null;
    if (input.firstVersion) {
      const fv = input.firstVersion;
      const v = checkVersion(versionWrite(fv));
      const consequences = checkConsequences(fv.consequences ?? [], '/firstVersion/consequences');
      const version = await repo.insertVersion(tx, id, { ...v, status });
      await repo.setConsequences(tx, version.id, consequences);
      firstVersionId = version.id;
      await recordAudit(tx, ctx, {
        entityType: 'knowledge-support-version',
        entityId: version.id,
        action: 'create',
        after: versionAudit(version, await repo.consequencesOf(tx, [version.id])),
      });
    }
    return { ...row, firstVersionId };
  });
}
