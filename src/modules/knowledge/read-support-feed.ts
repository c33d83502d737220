import type { AtomFeed } from '../../platform/http/atom.js';
import { publicLink } from '../../platform/http/atom.js';
import type { Queryable } from '../../platform/db/index.js';
import { selectRows } from '../../platform/db/rows.js';
import { SELECT_SUPPORT, type SupportRow } from './repository.js';
import { LIFECYCLE_LABELS } from './rules/lifecycle.js';
import { SUPPORT_TYPE_LABELS, type SupportType } from './rules/vocabulary.js';

/** How many of the latest changed supports the feed carries. */
export const FEED_SIZE = 100;

/**
 * The catalogue as an Atom feed: the supports changed last, newest first, each linking to its
 * page. The same supports the public catalogue lists (the route asks the same insyn switch).
 */
export async function readSupportFeed(db: Queryable, publicUrl: string): Promise<AtomFeed> {
  const rows = await selectRows<SupportRow>(db, `${SELECT_SUPPORT} ORDER BY s.updated_at DESC, s.id LIMIT ${FEED_SIZE}`);
  return {
    id: publicLink(publicUrl, '/api/v1/feeds/knowledge-supports.atom'),
    title: 'Navet – nationella kunskapsstöd',
    subtitle: 'Nya och ändrade kunskapsstöd i katalogen',
    self: publicLink(publicUrl, '/api/v1/feeds/knowledge-supports.atom'),
    alternate: publicLink(publicUrl, '/kunskapsstod'),
    author: 'Navet',
    entries: rows.map((s) => ({
      id: `urn:uuid:${s.id}`,
      title: s.title,
      updated: new Date(s.updatedAt),
      published: new Date(s.createdAt),
      link: publicLink(publicUrl, `/kunskapsstod/stod/${s.id}`),
      summary: [`${SUPPORT_TYPE_LABELS[s.type as SupportType] ?? s.type} · ${LIFECYCLE_LABELS[s.status]}`, s.summary]
        .filter(Boolean)
        .join('. '),
      categories: [
        { term: s.type, label: SUPPORT_TYPE_LABELS[s.type as SupportType] ?? s.type },
        ...s.programAreaIds.map((term) => ({ term })),
      ],
    })),
  };
}
