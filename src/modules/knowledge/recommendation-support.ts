import type { Queryable } from '../../platform/db/index.js';
import { notFound, unprocessable } from '../../platform/errors.js';
import * as repo from './repository.js';

/** Recommendations belong to Socialstyrelsens nationella riktlinjer (priority 1–10, icke-göra, FoU). */
export async function supportForRecommendations(tx: Queryable, supportId: string) {
  const support = await repo.getSupport(tx, supportId);
  if (!support) throw notFound('Kunskapsstödet');
  if (support.type !== 'nationella-riktlinjer') {
    throw unprocessable('Rekommendationer med prioritet finns bara i Socialstyrelsens nationella riktlinjer.', [
      { path: '/supportId', message: 'Kunskapsstödet är inte en nationell riktlinje.' },
    ]);
  }
  return support;
}
