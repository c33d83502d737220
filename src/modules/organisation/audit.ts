import type { TransitionPayload } from '../../platform/audit/record.js';
import type { presentGroupCore } from './presenter.js';
import type { GroupStatus } from './rules/group-lifecycle.js';

/** The group's own fields as the trail keeps them. */
export type GroupAudit = ReturnType<typeof presentGroupCore>;

declare module '../../platform/audit/record.js' {
  interface AuditPayloads {
    'group.create': { after: GroupAudit };
    'group.update': { before: GroupAudit; after: GroupAudit };
    'group.close': TransitionPayload<GroupStatus>;
    'group.merge': TransitionPayload<GroupStatus>;
    'group.update-mandate': { before: { revision: number; text: string } | null; after: { revision: number; text: string } };
    /** A sub-group or mirror moved to the survivor of a merge. */
    'group.reparent': { before: { from: string }; after: { to: string } };
    'mirror-coverage.set': { after: { groupId: string; note: string | null } };
    'mirror-coverage.clear': { after: null };
  }
}

export {};
