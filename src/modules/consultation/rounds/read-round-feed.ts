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
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id))
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
      title: `${TRACK_LABELS[r.track]}: ${r.supportTitle} ${r.versionLabel}`,
      updated: new Date(r.updatedAt),
      published: new Date(r.createdAt),
      link: publicLink(publicUrl, `/kunskapsstod/stod/${r.supportId}`),
      summary: `${TRACK_LABELS[r.track]} ${r.opensOn}–${r.closesOn}. Avsändare: ${r.sender}.${
        r.cancelReason !== null ? ` Avbruten: ${r.cancelReason}` : ''
      }`,
      categories: [{ term: r.track, label: TRACK_LABELS[r.track] }],
    })),
  };
}
