import type { GroupRow } from '../organisation/index.js';
import type { Queryable } from '../../platform/db/index.js';
import * as repo from './repository.js';
import { DEFAULT_BLACKOUTS } from './rules/cadence.js';

/** The follow-up report presented at every kunskapsråd meeting (seed 002). */
export const FOLLOW_UP_REPORT = 'Uppföljningsrapport';

/** A forum's settings, or the defaults when none are saved (version 0). */
export async function settingsOf(db: Queryable, group: GroupRow): Promise<repo.SettingsRecord> {
  return (
    (await repo.getSettings(db, group.id)) ?? {
      forumId: group.id,
      minWeeks: 4,
      maxWeeks: 6,
      weekday: 3,
      startTime: '13:00',
      endTime: '15:00',
      defaultPlace: null,
      blackouts: DEFAULT_BLACKOUTS,
      standingItems: group.kind === 'council' || /kunskapsråd/i.test(group.name) ? [FOLLOW_UP_REPORT] : [],
      version: 0,
    }
  );
}
