/**
 * A regional addition or local routine: a draft (utkast) seen only by its LPO's editors, published
 * for everyone, or archived. The editors publish and archive it from the support's page.
 */
import { allowedActions, defineLifecycle } from '../../../platform/lifecycle/lifecycle.js';
import { LOCAL_ADDITION_STATUSES } from './vocabulary.js';

export type LocalAdditionStatus = (typeof LOCAL_ADDITION_STATUSES)[number];
export const LOCAL_ADDITION_ACTIONS = ['publish', 'archive'] as const;
export type LocalAdditionAction = (typeof LOCAL_ADDITION_ACTIONS)[number];

export const localAdditionLifecycle = defineLifecycle<LocalAdditionStatus, LocalAdditionAction, object>({
  entity: 'knowledge-local-addition',
  noun: 'Tillägget',
  statuses: LOCAL_ADDITION_STATUSES,
  labels: { utkast: 'utkast', publicerad: 'publicerat', arkiverad: 'arkiverat' },
  actions: {
    publish: { label: 'publicera', from: ['utkast', 'arkiverad'], to: 'publicerad', audit: 'update' },
    archive: { label: 'arkivera', from: ['utkast', 'publicerad'], to: 'arkiverad', audit: 'update' },
  },
});

/** A draft is seen only by those who may edit it. */
export const DRAFT: LocalAdditionStatus = 'utkast';

/** The actions an editor of the addition is offered. */
export const localAdditionActions = (status: LocalAdditionStatus, mayEdit: boolean): LocalAdditionAction[] =>
  allowedActions(localAdditionLifecycle, status, {}, () => mayEdit);
