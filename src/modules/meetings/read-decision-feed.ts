import type { Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { publicLink, type AtomFeed } from '../../platform/http/atom.js';
import * as decisionRepo from './decision-repository.js';
import { assertMayReadPublicMinutes } from './policy.js';
import { presentPublicDecision } from './presenter.js';
import { PUBLIC_DECISIONS_PAGE } from './rules/meeting.js';

/** How many of the latest public decisions the feed carries. */
const FEED_SIZE = 100;

const KIND_LABEL: Record<string, string> = {
  beslut: 'Beslut',
  information: 'Information',
  aterremitterad: 'Återremitterat',
  bordlagd: 'Bordlagt',
};

/**
 * The public decisions as an Atom feed: paragraphs of justerade protokoll, the latest justering
 * first, each linking to its protokoll; a secret case's paragraph says only that it is secret.
 */
export async function readDecisionFeed(
  db: Queryable,
  ctx: Ctx,
  opts: { publicDecisions: boolean; publicUrl: string },
): Promise<AtomFeed> {
  assertMayReadPublicMinutes(ctx.actor, opts.publicDecisions);
  const rows = (await decisionRepo.searchPublicDecisions(db, { limit: FEED_SIZE, offset: 0 })).map(presentPublicDecision);
  const self = publicLink(opts.publicUrl, '/api/v1/feeds/decisions.atom');
  return {
    id: self,
    title: 'Navet – beslut i justerade protokoll',
    subtitle: 'Beslut (paragrafer) ur justerade protokoll; sekretessmarkerade ärenden visas utan innehåll',
    self,
    alternate: publicLink(opts.publicUrl, PUBLIC_DECISIONS_PAGE),
    author: 'Navet',
    entries: rows.map((d) => ({
      id: `urn:uuid:${d.paragraphId}`,
      title: `${d.reference} ${d.title}`,
      updated: new Date(d.approvedAt),
      link: publicLink(opts.publicUrl, d.minutesHref),
      summary: d.secret
        ? `${d.caseNumber ? `Ärende ${d.caseNumber}. ` : ''}Paragrafen omfattas av sekretess.`
        : [`${KIND_LABEL[d.decisionKind] ?? d.decisionKind}${d.caseNumber ? ` i ärende ${d.caseNumber}` : ''}`, d.decisionText]
            .filter(Boolean)
            .join(': '),
      categories: [{ term: d.forumId, label: d.forumName }],
    })),
  };
}
