import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { forbidden, notFound, staleVersion, unprocessable } from '../../platform/errors.js';
import { actorLabel } from './load-answer.js';
import { loadJoint } from './read-joint-answer.js';
import * as repo from './repository.js';
import { isJointEditable } from './rules/joint-lifecycle.js';

/** The coordinating group writes the joint answer section by section until it is approved. */
export async function updateJointSection(
  db: Db,
  ctx: Ctx,
  id: string,
  sectionId: string,
  input: { heading?: string; body: string; version: number },
) {
  return db.transaction(async (tx) => {
    const { joint, access } = await loadJoint(tx, ctx, id, { forUpdate: true });
    if (!access.work) throw forbidden('Bara det samordnande programområdet kan skriva det gemensamma svaret.');
    if (!isJointEditable(joint.status))
      throw unprocessable('Ett godkänt gemensamt svar kan inte ändras.', [{ path: 'status', message: 'låst' }]);
    const s = await repo.getJointSection(tx, sectionId);
    if (!s || s.answerId !== id) throw notFound('Avsnittet');
    if (s.version !== input.version) throw staleVersion(s.version);
    await repo.updateJointSection(tx, sectionId, input.version, {
      heading: input.heading?.trim() || s.heading,
      body: input.body,
      by: actorLabel(ctx),
    });
    await recordAudit(tx, ctx, {
      entityType: 'consultation-joint-answer',
      entityId: id,
      action: 'update-section',
      before: { sectionId, body: s.body },
      after: { sectionId, body: input.body },
    });
  });
}
