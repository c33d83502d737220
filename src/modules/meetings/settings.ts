import type { GroupRow } from '../organisation/index.js';
import type { Queryable } from '../../platform/db/index.js';
import * as repo from './repository.js';
import { DEFAULT_BLACKOUTS } from './rules/cadence.js';

/** The follow-up report presented at every kunskapsråd meeting (seed 002). */
export const FOLLOW_UP_REPORT = 'Uppföljningsrapport';

/** A forum's settings, or the defaults when none are saved (version 0). */
export async function settingsOf(db: Queryable, group: GroupRow): Promise<repo.SettingsRow> {
  return (
    (await repo.getSettings(db, group.id)) ?? {
      group_id: group.id,
      min_weeks: 4,
      max_weeks: 6,
      weekday: 3,
      start_time: '13:00',
      end_time: '15:00',
      default_place: null,
      blackouts: DEFAULT_BLACKOUTS,
      standing_items: group.kind === 'council' || /kunskapsråd/i.test(group.name) ? [FOLLOW_UP_REPORT] : [],
      version: 0,
    }
  );
}
