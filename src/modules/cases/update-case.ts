import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit/record.js';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { conflict, forbidden, notFound, staleVersion, unprocessable, type FieldError } from '../../platform/errors.js';
import { assertVisible } from '../visible.js';
import { presentCaseFlow } from './presenter.js';
import * as repo from './repository.js';
import { isAssignableGroup } from './rules/groups.js';
import type { PatchBody } from './schemas.js';
import { assertMay, canReadSecret } from './policy.js';
import { isClosed } from './rules/lifecycle.js';
import { normaliseDiarienummer } from './rules/diarium.js';

/** The particulars, secrecy marking and assignment to change; absent fields stay as they are. */
export type CasePatch = Omit<Static<typeof PatchBody>, 'version'>;

/** The fields that assign a case; a change of only these is audited as `case.assign`. */
const ASSIGNMENT: readonly string[] = ['assignedGroupId', 'handlerPersonId', 'dueDate'];

/**
 * Edits a case's particulars, secrecy marking, assignment (group, handler, due date) and its
 * place in the region's official diarium (diarienummer, unique in the region: 409 when taken;
 * classification, an active entry of the region's klassificeringsstruktur).
 * Optimistic: a stale version changes nothing (409). A closed case is not edited.
 */
export async function updateCase(db: Db, ctx: Ctx, id: string, version: number, patch: CasePatch) {
  return db.transaction(async (tx) => {
    const before = await repo.lockCase(tx, id);
    if (!before) throw notFound('Ärendet');
    await assertMay(tx, ctx, 'cases.handle', before.region);
    if (before.version !== version) throw staleVersion(before.version);
    if (isClosed(before.status)) throw conflict('Ärendet är avslutat och kan inte ändras.');
    await assertVisible(tx, ctx, {
      group: patch.assignedGroupId,
      person: patch.handlerPersonId,
      classification: patch.classificationId,
    });
    const diarienummer = normaliseDiarienummer(patch.diarienummer);
    const secret = patch.secret ?? before.secret;
    const ground = patch.secrecyGround !== undefined ? patch.secrecyGround?.trim() || null : before.secrecyGround;
    // Every given field is written (a field added to PatchBody and the table needs nothing here);
    // the ones with rules are settled below.
    const next = {
      ...patch,
      subject: patch.subject?.trim() ?? before.subject,
      sender: patch.sender?.trim() ?? before.sender,
      origin: patch.origin ?? before.origin,
      secret,
      secrecyGround: secret ? ground : null,
      assignedGroupId: patch.assignedGroupId !== undefined ? patch.assignedGroupId : before.assignedGroupId,
      handlerPersonId: patch.handlerPersonId !== undefined ? patch.handlerPersonId : before.handlerPersonId,
      dueDate: patch.dueDate !== undefined ? patch.dueDate : before.dueDate,
      diarienummer: diarienummer !== undefined ? diarienummer : before.diarienummer,
      classificationId: patch.classificationId !== undefined ? patch.classificationId : before.classificationId,
    };
    // The secrecy marking, and a secret case's particulars (which such a caller sees masked),
    // change only with the right to read secret material in the region.
    const secrecyChanges = next.secret !== before.secret || next.secrecyGround !== before.secrecyGround;
    const hiddenChanges = before.secret && (next.subject !== before.subject || next.sender !== before.sender);
    if ((secrecyChanges || hiddenChanges) && !canReadSecret(ctx.actor, before.region)) {
      throw forbidden(
        'Sekretessmarkeringen och ett sekretessmarkerat ärendes uppgifter ändras bara av den som får läsa sekretessmarkerade handlingar i regionen.',
      );
    }
    const errors: FieldError[] = [];
    if (!next.subject) errors.push({ path: 'subject', message: 'Ange ärendemening.' });
    if (!next.sender) errors.push({ path: 'sender', message: 'Ange avsändare.' });
    if (secret && !next.secrecyGround) {
      errors.push({ path: 'secrecyGround', message: 'Ange sekretessgrund (lagrum), t.ex. "OSL 25 kap. 1 §".' });
    }
    if (next.assignedGroupId && next.assignedGroupId !== before.assignedGroupId) {
      const g = await repo.getGroupRef(tx, next.assignedGroupId);
      if (!g || !isAssignableGroup(g)) {
        errors.push({ path: 'assignedGroupId', message: 'Gruppen finns inte eller är stängd.' });
      } else if (g.owner !== before.region) {
        errors.push({ path: 'assignedGroupId', message: 'Gruppen hör inte till ärendets region.' });
      }
    }
    if (next.handlerPersonId && next.handlerPersonId !== before.handlerPersonId) {
      if (!(await repo.personExists(tx, next.handlerPersonId))) {
        errors.push({ path: 'handlerPersonId', message: 'Personen finns inte.' });
      }
    }
    if (next.dueDate && next.dueDate < before.receivedDate) {
      errors.push({ path: 'dueDate', message: 'Måldatum kan inte ligga före datum då ärendet kom in.' });
    }
    if (next.classificationId && next.classificationId !== before.classificationId) {
      const entry = await repo.getClassification(tx, next.classificationId);
      if (entry?.region !== before.region) {
        errors.push({
          path: 'classificationId',
          message: 'Klassificeringen hör inte till ärendets regions klassificeringsstruktur.',
        });
      } else if (!entry.active) {
        errors.push({ path: 'classificationId', message: 'Klassificeringen är inaktiv och kan inte väljas.' });
      }
    }
    if (errors.length) throw unprocessable(errors.map((e) => e.message).join(' '), errors);
    if (next.diarienummer && next.diarienummer !== before.diarienummer) {
      const holder = await repo.caseWithDiarienummer(tx, before.region, next.diarienummer, id);
      if (holder) {
        throw conflict(`Diarienumret ${next.diarienummer} används redan i regionen (ärende ${holder.caseNumber}).`);
      }
    }
    const after = await repo.updateCaseFields(tx, id, version, next);
    if (!after) throw staleVersion(before.version);
    // Only the assignment changed (group, handler, due date): recorded as an assignment.
    const was: Record<string, unknown> = before;
    const changed = Object.entries(next).filter(([k, v]) => v !== undefined && v !== was[k]);
    const onlyAssignment = changed.length > 0 && changed.every(([k]) => ASSIGNMENT.includes(k));
    await recordAudit(tx, ctx, {
      entityType: 'case',
      entityId: id,
      action: onlyAssignment ? 'assign' : 'update',
      before: presentCaseFlow(before),
      after: presentCaseFlow(after),
    });
    return after;
  });
}
