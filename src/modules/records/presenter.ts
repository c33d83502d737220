import type { RetentionRuleRow } from './repository.js';

/** The row is already in API shape (repository.ts). */
export const presentRetentionRule = (r: RetentionRuleRow) => r;
