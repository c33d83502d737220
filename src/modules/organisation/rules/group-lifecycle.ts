import { defineLifecycle, isFinal } from '../../../platform/lifecycle/lifecycle.js';

/**
 * A group's life: active until it is closed (kept, with its history) or merged into another
 * group of the same owner and level (kept, with a pointer to the survivor). Both are final: a
 * group that moves or comes back is a new group.
 */
export type GroupStatus = 'active' | 'closed' | 'merged';
export type GroupAction = 'close' | 'merge';

/** What the guards read; each action's facts are present only when that action runs. */
export interface GroupLifecycleFacts {
  close?: {
    startDate: string | null;
    endDate: string;
    /** Names of active groups reporting to this one. */
    activeChildren: readonly string[];
    /** Assignments running past the end date. */
    membersAfterEnd: number;
  };
  merge?: {
    /** The surviving group, or undefined when it does not exist. */
    target: { id: string; owner: string; level: string; status: string } | undefined;
    self: { id: string; owner: string; level: string };
  };
}

export const groupLifecycle = defineLifecycle<GroupStatus, GroupAction, GroupLifecycleFacts>({
  entity: 'group',
  noun: 'Gruppen',
  statuses: ['active', 'closed', 'merged'],
  labels: { active: 'aktiv', closed: 'stängd', merged: 'sammanslagen' },
  final: ['closed', 'merged'],
  actions: {
    close: {
      label: 'stänga gruppen',
      from: ['active'],
      to: 'closed',
      audit: 'close',
      guard: ({ close: f }) => {
        if (!f) return null;
        if (f.startDate && f.endDate < f.startDate) {
          return { message: 'Slutdatum kan inte ligga före startdatum.', path: 'endDate' };
        }
        if (!f.activeChildren.length && !f.membersAfterEnd) return null;
        const what = [
          f.activeChildren.length ? `aktiva grupper under sig (${f.activeChildren.join(', ')})` : null,
          f.membersAfterEnd ? `${f.membersAfterEnd} uppdrag som löper efter ${f.endDate}` : null,
        ].filter(Boolean);
        return {
          message: `Gruppen kan inte stängas: den har ${what.join(' och ')}. Avsluta eller flytta dem först.`,
          conflict: true,
        };
      },
    },
    merge: {
      label: 'slå samman gruppen',
      from: ['active'],
      to: 'merged',
      audit: 'merge',
      guard: ({ merge: f }) => {
        if (!f) return null;
        const { target, self } = f;
        if (!target) return { message: 'Gruppen att slå samman med finns inte.', path: 'intoGroupId' };
        if (target.id === self.id) return { message: 'En grupp kan inte slås samman med sig själv.', path: 'intoGroupId' };
        if (target.owner !== self.owner || target.level !== self.level) {
          return { message: 'Regel: bara grupper med samma ägare och nivå kan slås samman.', path: 'intoGroupId' };
        }
        if (!isGroupActive(target.status)) return { message: 'Båda grupperna måste vara aktiva.', conflict: true };
        return null;
      },
    },
  },
});

/** Whether a group is still running (not closed or merged): only then is it edited, appointed to, nominated to, or chosen as parent, mirror or cover. */
export const isGroupActive = (status: string): boolean => groupLifecycle.isStatus(status) && !isFinal(groupLifecycle, status);
