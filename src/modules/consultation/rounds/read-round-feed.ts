import type { Queryable } from '../../../platform/db/index.js';
import { publicLink, type AtomFeed } from '../../../platform/http/atom.js';
import { TRACK_LABELS } from './presenter.js';
import * as repo from './repository.js';

const FEED_SIZE = 100;

/**
 * The national consultation rounds as an Atom feed: the rounds changed last, newest first,
 * each with its track and window, linking to the support it consults on.
 */
export async function readRoundFeed(db: Queryable, publicUrl: string, today: string): Promise<AtomFeed> {
  const rows = (await repo.listRounds(db, { today, limit: 500 }))
    .sort((a, b) => b.updated_at.getTime() - a.updated_at.getTime() || a.id.localeCompare(b.id))
    .slice(0, FEED_SIZE);
  const self = publicLink(publicUrl, '/api/v1/feeds/consultation-rounds.atom');
  return {
    id: self,
    title: 'Navet – nationella remissomgångar',
    subtitle: 'Synpunktsinhämtningar och öppna nationella remisser',
    self,
    alternate: publicLink(publicUrl, '/kunskapsstod/remissomgangar'),
    author: 'Navet',
    entries: rows.map((r) => ({
      id: `urn:uuid:${r.id}`,
      title: `${TRACK_LABELS[r.track]}: ${r.support_title} ${r.version_label}`,
      updated: r.updated_at,
      published: r.created_at,
      link: publicLink(publicUrl, `/kunskapsstod/stod/${r.support_id}`),
      summary: `${TRACK_LABELS[r.track]} ${r.opens_on}–${r.closes_on}. Avsändare: ${r.sender}.${
        r.cancel_reason !== null ? ` Avbruten: ${r.cancel_reason}` : ''
      }`,
      categories: [{ term: r.track, label: TRACK_LABELS[r.track] }],
    })),
  };
}
