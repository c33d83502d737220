import type { Db } from '../../platform/db/index.js';
import type { Ctx } from '../../platform/context.js';
import { notFound, unauthorized } from '../../platform/errors.js';
import { publicLink, type AtomFeed } from '../../platform/http/atom.js';
import { geography } from '../organisation/index.js';
import { SECRET_MASK } from './presenter.js';
import * as repo from './repository.js';

const FEED_SIZE = 100;

/**
 * A region's public diary as an Atom feed: the latest registered cases, with the same masking as
 * the register (a secret case shows with sender and subject hidden).
 */
export async function readCaseRegisterFeed(
  db: Db,
  ctx: Ctx,
  region: string,
  opts: { publicCaseRegister: boolean; publicUrl: string },
): Promise<AtomFeed> {
  if (!opts.publicCaseRegister && !ctx.actor) throw unauthorized();
  const geo = await geography(db);
  if (!geo.regionHealthcareRegions.has(region)) throw notFound('Regionen');
  const rows = await repo.registerView(db, { region, limit: FEED_SIZE });
  const self = publicLink(opts.publicUrl, `/api/v1/feeds/case-register.atom?region=${region}`);
  return {
    id: self,
    title: `Navet – diarium, region ${region}`,
    subtitle: 'Registrerade ärenden: datum, diarienummer, avsändare och ärendemening',
    self,
    alternate: publicLink(opts.publicUrl, '/arenden-och-beslut/diarium'),
    author: 'Navet',
    entries: rows.map((c) => ({
      id: `urn:uuid:${c.id}`,
      title: `${c.caseNumber}${c.diarienummer ? ` (dnr ${c.diarienummer})` : ''}: ${c.secret ? SECRET_MASK.subject : c.subject}`,
      updated: new Date(c.updatedAt),
      published: new Date(c.registeredAt),
      link: publicLink(opts.publicUrl, '/arenden-och-beslut/diarium'),
      summary: `Inkom ${c.receivedDate} från ${c.secret ? SECRET_MASK.sender : c.sender}.`,
    })),
  };
}
