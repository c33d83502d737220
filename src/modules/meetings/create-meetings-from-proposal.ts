import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db/index.js';
import { unprocessable } from '../../platform/errors.js';
import { insertMeeting } from './create-meeting.js';
import { loadForum } from './policy.js';
import { proposalFor } from './read-meeting-proposal.js';
import type { ProposalBody } from './schemas.js';

/** Creates the proposed meetings of a year that do not exist yet (rerunning adds nothing). */
export async function createMeetingsFromProposal(
  db: Db,
  ctx: Ctx,
  groupId: string,
  input: Static<typeof ProposalBody>,
  opts: { isDemo?: boolean } = {},
) {
  return db.transaction(async (tx) => {
    const { group } = await loadForum(tx, ctx, groupId, 'manage');
    await tx.query('SELECT id FROM groups WHERE id = $1 FOR UPDATE', [groupId]);
    const proposal = await proposalFor(tx, group, input.year);
    const wanted = input.dates ? new Set(input.dates) : undefined;
    if (wanted) {
      const unknown = [...wanted].filter((d) => !proposal.some((p) => p.date === d));
      if (unknown.length) {
        throw unprocessable(`Datumen ${unknown.join(', ')} finns inte i förslaget.`, [
          { path: 'dates', message: 'inte föreslagna datum' },
        ]);
      }
    }
    const created = [];
    for (const p of proposal) {
      if (p.exists || (wanted && !wanted.has(p.date))) continue;
      created.push(await insertMeeting(tx, ctx, group, { date: p.date }, opts));
    }
    return created;
  });
}
