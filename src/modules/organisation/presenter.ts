import { pickFields } from '../../platform/db/rows.js';
import { sourcesOf, type Sources } from '../reference/index.js';
import type { GroupPermissions } from './policy.js';
import type { GroupRow } from './repository.js';

/** The group's own fields, as audited. */
const GROUP_CORE = [
  'id',
  'kind',
  'level',
  'owner',
  'name',
  'shortName',
  'programAreaIds',
  'mirrorsGroupId',
  'parentGroupId',
  'parentRelation',
  'isSubGroup',
  'status',
  'mergedIntoGroupId',
  'contactEmail',
  'hostDescription',
  'startDate',
  'endDate',
  'closedReason',
  'version',
] as const;
export const presentGroupCore = (g: GroupRow) => pickFields(g, GROUP_CORE);

/** A group with the sources it names and the caller's permissions. */
export const presentGroup = (g: GroupRow, sources: Sources, may: GroupPermissions | undefined) => ({
  ...g,
  sources: sourcesOf(g.sourceIds, sources),
  isReference: g.referenceKey !== null,
  permissions: may?.permissions ?? { edit: false },
  allowedActions: may?.allowedActions ?? [],
});

const GROUP_SUMMARY = ['id', 'kind', 'level', 'owner', 'name', 'programAreaIds', 'status', 'parentRelation'] as const;
export const presentGroupSummary = (g: GroupRow) => pickFields(g, GROUP_SUMMARY);
