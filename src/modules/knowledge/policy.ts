/**
 * Who may do what with the knowledge-support catalogue, in one place. Every use case and every
 * detail response of the module asks it:
 *
 * - the national catalogue (supports, their versions and lifecycles, recommendations) is written
 *   by system administrators (`knowledge.write`, at the nation's scope), and imported from its file;
 * - a region's or healthcare region's own supports (regional vårdprogram, riktlinje, rutin; the
 *   support's owner is the region) are written by its samordnare (`knowledge.regional.write` at
 *   the owner's scope: a healthcare region's samordnare covers its regions); national roles always;
 * - regional additions and local routines belong to an LPO and are edited by its web editors:
 *   a seat as webbredaktör in the LPO (membership), the role webbredaktör held at the group, or
 *   the region's samordnare (`knowledge.local.write`); system administrators always;
 * - the catalogue is read by everyone signed in, and by anyone when the public view is on.
 *
 * The caller's geography is read once per request (`requestScope`).
 */
import { authorize, can, type Permission } from '../../platform/auth/policy.js';
import { requestScope } from '../../platform/auth/scope.js';
import { todayInSweden } from '../../platform/clock.js';
import type { Actor, Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { forbidden, unauthorized, unprocessable } from '../../platform/errors.js';
import * as additionsRepo from './local-addition-repository.js';
import type { Caller } from './presenter.js';

/** An LPO, as a local addition's owner. */
export interface OwnerGroup {
  id: string;
  owner: string;
}

export interface KnowledgePolicy {
  /** Whether the caller writes the national catalogue (supports, versions, recommendations). */
  mayWrite(): Promise<boolean>;
  /** 401/403 unless the caller writes the national catalogue. */
  assertWrite(): Promise<Actor>;
  /** Whether the caller writes supports of this owner ('national', a county code or a healthcare region id). */
  mayWriteFor(owner: string): Promise<boolean>;
  /** 401/403 unless the caller writes supports of this owner; 422 for an owner that is no region. */
  assertWriteFor(owner: string): Promise<Actor>;
  /** The owners the caller authors supports for: 'national' for national roles, then the regional owners (the form's owner picker). */
  authorOwners(): Promise<string[]>;
  /** Whether the caller registers national consultation rounds (the version's "send on remiss"). */
  mayCreateRound(): Promise<boolean>;
  /** Whether the caller edits the local additions and routines of this LPO. */
  mayEditForGroup(group: OwnerGroup): Promise<boolean>;
  /** 401/403 unless the caller edits this LPO's local additions. */
  assertEditForGroup(group: OwnerGroup, message: string): Promise<Actor>;
  /** The active LPOs the caller may write local additions for (the page's owner picker). */
  localOwners(): Promise<{ id: string; name: string; owner: string }[]>;
  /** What the caller may do in the national catalogue, for the answers' allowedActions. */
  caller(): Promise<Caller>;
}

/** The catalogue is public (insyn) when the public view is on; otherwise for everyone signed in. */
export function assertMayRead(actor: Actor | undefined, publicStructure: boolean): void {
  if (!publicStructure && !actor) throw unauthorized();
}

const NATION = 'national';

/** The knowledge module's policy for one request (or job). */
export function knowledgePolicy(ctx: Ctx, db: Queryable): KnowledgePolicy {
  const scope = requestScope(ctx, db);
  const holds = async (permission: Permission) => Boolean(ctx.actor) && scope.may(permission, NATION);
  const mayEditForGroup = async (group: OwnerGroup) => {
    const actor = ctx.actor;
    if (!actor) return false;
    if (can(actor, 'knowledge.local.write', { type: 'group', id: group.id, owner: await scope.of(group.owner) })) return true;
    return actor.via !== 'system' && additionsRepo.isWebEditor(db, actor.email, group.id, todayInSweden());
  };
  const mayWriteFor = async (owner: string) => {
    if (!ctx.actor) return false;
    if (await holds('knowledge.write')) return true;
    return owner !== NATION && scope.may('knowledge.regional.write', owner);
  };
  const writeOwners = async () => {
    if (!ctx.actor) return [];
    const geo = await scope.geography();
    const candidates = [...geo.healthcareRegionIds, ...geo.regionHealthcareRegions.keys()];
    const out: string[] = [];
    for (const o of candidates) if (await scope.may('knowledge.regional.write', o)) out.push(o);
    return out;
  };
  return {
    mayWrite: () => holds('knowledge.write'),
    mayWriteFor,
    assertWriteFor: async (owner) => {
      if (!ctx.actor) throw unauthorized();
      if (owner !== NATION) {
        const geo = await scope.geography();
        if (!geo.healthcareRegionIds.has(owner) && !geo.regionHealthcareRegions.has(owner)) {
          throw unprocessable('Okänd ägare.', [
            { path: '/owner', message: `${owner} är varken en region (länskod) eller en sjukvårdsregion.` },
          ]);
        }
      }
      if (!(await mayWriteFor(owner))) {
        throw forbidden(
          owner === NATION
            ? 'Nationella kunskapsstöd skrivs bara av nationella roller.'
            : 'Du får inte skriva kunskapsstöd för den här regionen.',
        );
      }
      return ctx.actor;
    },
    assertWrite: async () => {
      authorize(ctx.actor, 'knowledge.write', await scope.of(NATION));
      return ctx.actor;
    },
    authorOwners: async () => [...((await holds('knowledge.write')) ? [NATION] : []), ...(await writeOwners())],
    mayCreateRound: () => holds('rounds.create'),
    mayEditForGroup,
    assertEditForGroup: async (group, message) => {
      if (!ctx.actor) throw unauthorized();
      if (!(await mayEditForGroup(group))) throw forbidden(message);
      return ctx.actor;
    },
    localOwners: async () => {
      const actor = ctx.actor;
      if (!actor) return [];
      const [lpos, editorOf] = await Promise.all([
        additionsRepo.activeLpos(db),
        actor.via === 'system' ? Promise.resolve([]) : additionsRepo.webEditorGroups(db, actor.email, todayInSweden()),
      ]);
      const mine = new Set(editorOf);
      const out = [];
      for (const g of lpos) {
        if (mine.has(g.id) || can(actor, 'knowledge.local.write', { type: 'group', id: g.id, owner: await scope.of(g.owner) })) {
          out.push(g);
        }
      }
      return out;
    },
    caller: async () => ({
      write: await holds('knowledge.write'),
      createRound: await holds('rounds.create'),
      owners: await writeOwners(),
    }),
  };
}
