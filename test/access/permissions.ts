import { daysFromToday } from '../helpers/clock.js';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { PERMISSIONS, type Permission } from '../../src/platform/auth/policy.js';
import type { Db } from '../../src/platform/db/index.js';
import type { Fixture, Req } from './types.js';

/**
 * The own-scope dimension of the access matrix: for every 'scoped' and 'admin' route, the
 * permission(s) of the policy table (src/platform/auth/policy.ts) it checks. A role holding
 * any of them in the fixtures' own scope must succeed; every other role must be refused and
 * nothing written (test/access-own-scope.test.ts). Read from the use cases, not from what the
 * app answers: where a route checks something other than a permission, `note` says what, and
 * `any: []` means that no role grants it (only the owner, or the appointed adjusters).
 */
export interface OwnScopeRule {
  /** A role holding one of these permissions at the scope below succeeds. */
  any: Permission[];
  /** Where the roles are held: Region Blekinge "10" (default) or the healthcare region Södra. */
  at?: 'region' | 'healthcare-region';
  note?: string;
  /**
   * Brings the fixture to a state where the request can succeed (runs as an administrator,
   * inside the same rolled-back transaction as the request); its values are added to the fixture.
   */
  prep?: (c: PrepContext) => Promise<Fixture>;
  /** A request of its own, when the matrix's request cannot succeed from the fixture state. */
  request?: Req;
}

export interface PrepContext {
  db: Db;
  f: Fixture;
  /** A request as an administrator; throws unless it succeeds. */
  admin: (method: InjectOptions['method'], url: string, payload?: Record<string, unknown>) => Promise<LightMyRequestResponse>;
}

/** The current version of a fixture row (its table and the fixture key of its id), as f.v. */
const versionOf =
  (table: string, idKey: string) =>
  async ({ db, f }: PrepContext): Promise<Fixture> => {
    const [row] = await db.query<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [f[idKey]]);
    if (!row) throw new Error(`no ${table} row ${idKey}`);
    return { v: String(row.version) };
  };
const v = (f: Fixture) => Number(f.v);
const meetingVersion = versionOf('meetings', 'meetingsMeetingId');
const answerVersion = versionOf('consultation_answers', 'consultationsAnswerId');

const CASE_READ: Permission[] = ['cases.read'];
const CASE_HANDLE: Permission[] = ['cases.handle'];
const FORUM_READ: Permission[] = ['meetings.manage', 'cases.read'];
const FORUM_MANAGE: Permission[] = ['meetings.manage'];
const CONS_READ: Permission[] = ['consultations.read', 'consultations.work', 'consultations.decide'];
/** Every permission: any role at all in the scope grants it. */
const ANY_ROLE = Object.keys(PERMISSIONS) as Permission[];
const FOLLOWUP_READ = 'any role in the region or the group; a role elsewhere or none gets 404';

const forumNote =
  'forums: read with cases.read or meetings.manage in the region (or a seat), manage with meetings.manage (or keeper)';
const meeting = (f: Fixture) => `/api/v1/meetings/${f.meetingsMeetingId}`;
const answer = (f: Fixture) => `/api/v1/consultation-answers/${f.consultationsAnswerId}`;
const joint = (f: Fixture) => `/api/v1/consultation-joint-answers/${f.consultationsJointId}`;

/** Moves the consultation answer along (as an administrator) to the given status. */
async function answerTo(c: PrepContext, status: 'utkast' | 'klar-for-beredning' | 'beredd' | 'beslutad'): Promise<Fixture> {
  const url = answer(c.f);
  const ver = async () => Number((await answerVersion(c)).v);
  await c.admin('POST', `/api/v1/consultation-surveys/${c.f.consultationsSurveyId}/close`);
  await c.admin('POST', `${url}/start-draft`, { version: await ver() });
  if (status !== 'utkast') await c.admin('POST', `${url}/draft-ready`, { version: await ver() });
  if (status === 'beredd' || status === 'beslutad') await c.admin('POST', `${url}/prepare`, { version: await ver() });
  if (status === 'beslutad')
    await c.admin('POST', `${url}/decide`, { version: await ver(), decisionRef: 'KR § 1', decidedOn: '2026-11-02' });
  return { v: String(await ver()) };
}

export const OWN_SCOPE: Record<string, OwnScopeRule> = {
  // ── the foundation ──
  'DELETE /api/v1/auth/tokens/{id}': { any: [], note: 'only the token’s owner; 404 for everyone else' },
  'GET /api/v1/users': { any: ['users.manage'] },
  'GET /api/v1/roles': { any: ['users.manage'] },
  'POST /api/v1/users': { any: ['users.manage'] },
  'GET /api/v1/users/{id}': { any: ['users.manage'] },
  'PATCH /api/v1/users/{id}': { any: ['users.manage'] },
  'GET /api/v1/audit': { any: ['audit.read'] },
  'POST /api/v1/senders': { any: ['senders.manage'], note: 'held at any scope: the register of senders is national' },
  'GET /api/v1/webhooks': { any: ['webhooks.manage'] },
  'POST /api/v1/webhooks': { any: ['webhooks.manage'] },
  'PATCH /api/v1/webhooks/{id}': { any: ['webhooks.manage'] },
  'GET /api/v1/webhooks/{id}/deliveries': { any: ['webhooks.manage'] },
  'POST /api/v1/webhook-deliveries/{id}/replay': { any: ['webhooks.manage'] },
  'GET /api/v1/scim-clients': { any: ['scim.manage'] },
  'POST /api/v1/scim-clients': { any: ['scim.manage'] },
  'POST /api/v1/scim-clients/{id}/rotate': { any: ['scim.manage'], note: 'the fixture client is at version 1' },
  'DELETE /api/v1/scim-clients/{id}': { any: ['scim.manage'] },
  'GET /api/v1/scim-clients/{id}/groups': { any: ['scim.manage'] },
  'PUT /api/v1/scim-clients/{id}/group-roles': { any: ['scim.manage'], note: 'the fixture client is at version 1' },
  'POST /api/v1/groups': { any: ['groups.write'] },
  'PATCH /api/v1/groups/{id}': { any: ['groups.write'] },
  'POST /api/v1/groups/{id}/close': { any: ['groups.write'] },
  'POST /api/v1/groups/{id}/merge': {
    any: ['groups.write'],
    request: (f) => ({
      url: `/api/v1/groups/${f.groupId}/merge`,
      payload: { intoGroupId: f.followupGroupId!, endDate: '2026-12-31', version: 1 },
    }),
  },
  'PUT /api/v1/groups/{id}/mandate': { any: ['groups.write'] },
  'PUT /api/v1/mirroring/coverage': { any: ['groups.write'] },
  'POST /api/v1/people': { any: ['people.manage'] },
  'POST /api/v1/people/imports': { any: ['people.manage'] },
  'GET /api/v1/people/{id}': { any: ['people.manage', 'jav.review'], note: 'and the person themself' },
  'POST /api/v1/people/{id}/jav-declarations': { any: ['people.manage'], note: 'and the person themself' },
  'POST /api/v1/jav-declarations/{id}/review': { any: ['jav.review'], note: 'never one’s own declaration' },
  'POST /api/v1/groups/{id}/memberships': { any: ['groups.write'] },
  'POST /api/v1/cases': { any: ['cases.register'] },
  'GET /api/v1/cases/{id}': { any: CASE_READ },

  // ── mandates ──
  'PATCH /api/v1/memberships/{id}': { any: ['groups.write'] },
  'POST /api/v1/memberships/{id}/end': {
    any: ['groups.write'],
    prep: versionOf('memberships', 'mandatesMembershipId'),
    request: (f) => ({
      url: `/api/v1/memberships/${f.mandatesMembershipId}/end`,
      payload: { endDate: '2027-06-30', reason: 'Matris', version: v(f) },
    }),
  },
  'POST /api/v1/groups/{id}/nominations': { any: ['nominations.submit'] },
  'GET /api/v1/nominations/{id}': { any: ['nominations.submit', 'nominations.decide'] },
  'POST /api/v1/nominations/{id}/decision': { any: ['nominations.decide'], note: 'those who only nominate see it (403)' },
  'POST /api/v1/nominations/{id}/withdraw': { any: ['nominations.submit', 'nominations.decide'] },
  'POST /api/v1/composition-rules': { any: ['composition.manage'] },
  'PATCH /api/v1/composition-rules/{id}': { any: ['composition.manage'] },
  'DELETE /api/v1/composition-rules/{id}': { any: ['composition.manage'] },
  'PUT /api/v1/composition-rules/{id}/rotation-order': {
    any: ['composition.rotation', 'composition.manage'],
    note: 'the coordinators of the owner of the groups the rule is about',
  },

  // ── compensation (claims and amounts: 404 for those who do not manage the group) ──
  'POST /api/v1/compensation/rate-models': { any: ['compensation.rates'] },
  'PATCH /api/v1/compensation/rate-models/{id}': { any: ['compensation.rates'] },
  'POST /api/v1/compensation/participants': { any: ['compensation.manage'] },
  'PATCH /api/v1/compensation/participants/{id}': { any: ['compensation.manage'] },
  'POST /api/v1/compensation/participants/{id}/assignments': { any: ['compensation.manage'] },
  'GET /api/v1/compensation/quote': { any: ['compensation.manage'], note: 'and the person themself' },
  'POST /api/v1/compensation/claims': { any: ['compensation.manage'], note: 'and the person themself' },
  'GET /api/v1/compensation/claims/{id}': { any: ['compensation.manage'], note: 'and the person themself' },
  'POST /api/v1/compensation/claims/{id}/approve': { any: ['compensation.manage'] },
  'POST /api/v1/compensation/claims/{id}/return': { any: ['compensation.manage'] },
  'POST /api/v1/compensation/claims/{id}/withdraw': { any: ['compensation.manage'], note: 'and the person themself' },
  'POST /api/v1/compensation/claims/{id}/resubmit': {
    any: ['compensation.manage'],
    note: 'a returned claim; and the person themself',
    prep: async (c) => {
      await c.admin('POST', `/api/v1/compensation/claims/${c.f.compensationClaimId}/return`, { version: 1, comment: 'Matris' });
      return versionOf('compensation_claims', 'compensationClaimId')(c);
    },
    request: (f) => ({
      url: `/api/v1/compensation/claims/${f.compensationClaimId}/resubmit`,
      payload: { version: v(f), distanceKm: 0, travelCostsOre: 0 },
    }),
  },
  'GET /api/v1/compensation/payroll-export': {
    any: ['compensation.manage'],
    note: 'a managing role anywhere; the rows are limited to its scope',
  },

  // ── records ──
  'GET /api/v1/people/{id}/register-extract': { any: ['people.manage'], note: 'and the person themself' },
  'GET /api/v1/people/{id}/register-extract.docx': { any: ['people.manage'], note: 'and the person themself' },
  'GET /api/v1/people/{id}/anonymisation': { any: ['records.anonymise'] },
  'POST /api/v1/people/{id}/anonymise': { any: ['records.anonymise'] },
  'PUT /api/v1/retention-rules/{recordType}': { any: ['records.retention'] },
  'POST /api/v1/records/gallring': {
    any: ['records.retention'],
    note: 'the dry run writes nothing; the matrix executes (audited)',
    request: () => ({ url: '/api/v1/records/gallring', payload: { dryRun: false } }),
  },
  'GET /api/v1/cases/{id}/archive-package': { any: ['records.archive'], note: '404 without cases.read in the region' },

  // ── cases (404 without cases.read in the region, 403 without the permission to act) ──
  'GET /api/v1/cases/triage-queue': { any: ['cases.triage'] },
  'GET /api/v1/cases/options': { any: CASE_READ },
  'PATCH /api/v1/cases/{id}': { any: CASE_HANDLE },
  'POST /api/v1/cases/{id}/transitions': { any: CASE_HANDLE },
  'GET /api/v1/cases/{id}/transitions': { any: CASE_READ },
  'POST /api/v1/cases/{id}/close': { any: CASE_HANDLE },
  'POST /api/v1/cases/{id}/escalation': {
    any: CASE_HANDLE,
    note: 'a case at a tactical forum (LPO ordförandeforum)',
    prep: async ({ db, f }) => {
      await db.query('UPDATE cases SET forum_group_id = $2 WHERE id = $1', [f.casesMainId, f.groupId]);
      return {};
    },
    request: (f) => ({
      url: `/api/v1/cases/${f.casesMainId}/escalation`,
      payload: { version: 1, forumGroupId: f.meetingsForumId!, reason: 'Kräver rådets beslut' },
    }),
  },
  'POST /api/v1/cases/{id}/triage': { any: ['cases.triage'] },
  'GET /api/v1/cases/{id}/history': { any: CASE_READ },
  'GET /api/v1/cases/{id}/actions': { any: CASE_READ },
  'POST /api/v1/cases/{id}/actions': { any: CASE_HANDLE },
  'POST /api/v1/case-actions/{id}/complete': { any: CASE_HANDLE, note: 'and the item’s owner' },
  'POST /api/v1/case-actions/{id}/reopen': {
    any: CASE_HANDLE,
    note: 'a completed item; and the item’s owner',
    prep: async (c) => {
      await c.admin('POST', `/api/v1/case-actions/${c.f.casesActionId}/complete`, { version: 1 });
      return { v: '2' };
    },
    request: (f) => ({ url: `/api/v1/case-actions/${f.casesActionId}/reopen`, payload: { version: v(f) } }),
  },
  'GET /api/v1/cases/{id}/links': { any: CASE_READ },
  'POST /api/v1/cases/{id}/links': { any: CASE_HANDLE },
  'DELETE /api/v1/case-links/{id}': { any: CASE_HANDLE },
  'GET /api/v1/cases/{id}/documents': { any: CASE_READ },
  'POST /api/v1/cases/{id}/documents': { any: CASE_HANDLE },
  'GET /api/v1/case-documents/{id}/content': { any: CASE_READ },
  'GET /api/v1/case-classifications': { any: CASE_READ },
  'POST /api/v1/case-classifications': { any: ['cases.classification'] },
  'PATCH /api/v1/case-classifications/{id}': { any: ['cases.classification'] },

  // ── meetings ──
  'GET /api/v1/forums/{id}/meeting-settings': { any: FORUM_READ, note: forumNote },
  'PUT /api/v1/forums/{id}/meeting-settings': { any: FORUM_MANAGE, note: forumNote },
  'GET /api/v1/forums/{id}/meeting-proposal': { any: FORUM_READ, note: forumNote },
  'GET /api/v1/forums/{id}/meetings': { any: FORUM_READ, note: forumNote },
  'POST /api/v1/forums/{id}/meetings': { any: FORUM_MANAGE, note: forumNote },
  'POST /api/v1/forums/{id}/meetings/from-proposal': { any: FORUM_MANAGE, note: forumNote },
  'GET /api/v1/meetings/{id}': { any: FORUM_READ, note: forumNote },
  'PATCH /api/v1/meetings/{id}': {
    any: FORUM_MANAGE,
    prep: meetingVersion,
    request: (f) => ({ url: meeting(f), payload: { place: 'Sal 2', version: v(f) } }),
  },
  'POST /api/v1/meetings/{id}/notice': {
    any: FORUM_MANAGE,
    prep: meetingVersion,
    request: (f) => ({ url: `${meeting(f)}/notice`, payload: { version: v(f) } }),
  },
  'POST /api/v1/meetings/{id}/held': {
    any: FORUM_MANAGE,
    prep: meetingVersion,
    request: (f) => ({ url: `${meeting(f)}/held`, payload: { version: v(f) } }),
  },
  'POST /api/v1/meetings/{id}/cancel': {
    any: FORUM_MANAGE,
    note: 'a meeting without paragraphs',
    prep: async (c) => {
      const res = await c.admin('POST', `/api/v1/forums/${c.f.meetingsForumId}/meetings`, { date: '2027-04-07' });
      const m = res.json<{ id: string; version: number }>();
      return { meetingId: m.id, v: String(m.version) };
    },
    request: (f) => ({ url: `/api/v1/meetings/${f.meetingId}/cancel`, payload: { reason: 'Matris', version: v(f) } }),
  },
  'POST /api/v1/meetings/{id}/minutes/submit': {
    any: FORUM_MANAGE,
    note: 'minutes with an adjuster',
    prep: async (c) => {
      const { v: ver } = await meetingVersion(c);
      await c.admin('PUT', `${meeting(c.f)}/adjusters`, { personIds: [c.f.meetingsPersonId!], version: Number(ver) });
      return meetingVersion(c);
    },
    request: (f) => ({ url: `${meeting(f)}/minutes/submit`, payload: { version: v(f) } }),
  },
  'POST /api/v1/meetings/{id}/minutes/reopen': {
    any: FORUM_MANAGE,
    note: 'minutes sent for justering',
    prep: async (c) => {
      const { v: ver } = await meetingVersion(c);
      await c.admin('PUT', `${meeting(c.f)}/adjusters`, { personIds: [c.f.meetingsPersonId!], version: Number(ver) });
      await c.admin('POST', `${meeting(c.f)}/minutes/submit`, { version: Number((await meetingVersion(c)).v) });
      return meetingVersion(c);
    },
    request: (f) => ({ url: `${meeting(f)}/minutes/reopen`, payload: { version: v(f) } }),
  },
  'POST /api/v1/meetings/{id}/minutes/approve-on-paper': {
    any: FORUM_MANAGE,
    note: 'minutes sent for justering, recorded for an appointed adjuster',
    prep: async (c) => {
      const { v: ver } = await meetingVersion(c);
      await c.admin('PUT', `${meeting(c.f)}/adjusters`, { personIds: [c.f.meetingsPersonId!], version: Number(ver) });
      await c.admin('POST', `${meeting(c.f)}/minutes/submit`, { version: Number((await meetingVersion(c)).v) });
      return meetingVersion(c);
    },
    request: (f) => ({
      url: `${meeting(f)}/minutes/approve-on-paper`,
      payload: { personId: f.meetingsPersonId, signedOn: daysFromToday(0), version: v(f) },
    }),
  },
  'POST /api/v1/meetings/{id}/minutes/approve': {
    any: [],
    note: 'only the appointed adjusters (persons, not roles): test/concurrency.test.ts and test/meetings.http.test.ts',
  },
  'GET /api/v1/meetings/{id}/minutes': { any: FORUM_READ, note: forumNote },
  'POST /api/v1/meetings/{id}/agenda': { any: FORUM_MANAGE },
  'DELETE /api/v1/meetings/{id}/agenda/{itemId}': {
    any: FORUM_MANAGE,
    note: 'an item without a paragraph',
    prep: async (c) => ({
      itemId: (await c.admin('POST', `${meeting(c.f)}/agenda`, { title: 'Tas bort' })).json<{ id: string }>().id,
    }),
    request: (f) => ({ url: `${meeting(f)}/agenda/${f.itemId}` }),
  },
  'PUT /api/v1/meetings/{id}/agenda/order': {
    any: FORUM_MANAGE,
    prep: async (c) => {
      const items = await c.db.query<{ id: string }>('SELECT id FROM agenda_items WHERE meeting_id = $1 ORDER BY position DESC', [
        c.f.meetingsMeetingId,
      ]);
      return { ...(await meetingVersion(c)), itemIds: items.map((i) => i.id).join(',') };
    },
    request: (f) => ({ url: `${meeting(f)}/agenda/order`, payload: { itemIds: f.itemIds!.split(','), version: v(f) } }),
  },
  'PUT /api/v1/meetings/{id}/attendance': { any: FORUM_MANAGE },
  'PUT /api/v1/meetings/{id}/adjusters': {
    any: FORUM_MANAGE,
    prep: meetingVersion,
    request: (f) => ({ url: `${meeting(f)}/adjusters`, payload: { personIds: [f.meetingsPersonId], version: v(f) } }),
  },
  'POST /api/v1/meetings/{id}/paragraphs': { any: FORUM_MANAGE },
  'PATCH /api/v1/paragraphs/{id}': { any: FORUM_MANAGE },
  'DELETE /api/v1/paragraphs/{id}': {
    any: FORUM_MANAGE,
    note: 'the forum’s latest paragraph',
    prep: async (c) => ({
      paragraphId: (
        await c.admin('POST', `${meeting(c.f)}/paragraphs`, { title: 'Tas bort', decisionKind: 'information' })
      ).json<{ id: string }>().id,
    }),
    request: (f) => ({ url: `/api/v1/paragraphs/${f.paragraphId}` }),
  },
  'PUT /api/v1/paragraphs/{id}/participation/{personId}': { any: FORUM_MANAGE },
  'POST /api/v1/paragraphs/{id}/actions': {
    any: FORUM_MANAGE,
    note: 'a paragraph on a case',
    prep: async ({ db, f }) => {
      await db.query('UPDATE minutes_paragraphs SET case_id = $2 WHERE id = $1', [f.meetingsParagraphId, f.casesMainId]);
      return {};
    },
  },
  'POST /api/v1/meetings/{id}/attachments': { any: FORUM_MANAGE },
  'GET /api/v1/meeting-attachments/{id}/content': { any: FORUM_READ, note: forumNote },
  'DELETE /api/v1/meeting-attachments/{id}': { any: FORUM_MANAGE },
  'GET /api/v1/paragraphs/{id}/extract': { any: FORUM_READ, note: forumNote },
  'POST /api/v1/notifications/{id}/read': { any: [], note: 'only the recipient; 404 for everyone else' },

  // ── knowledge supports and rounds (national: administrators) ──
  'POST /api/v1/knowledge-supports': { any: ['knowledge.write'] },
  'POST /api/v1/knowledge-catalogue/imports': { any: ['knowledge.write'] },
  'PATCH /api/v1/knowledge-supports/{id}': {
    any: ['knowledge.write'],
    prep: versionOf('knowledge_supports', 'knowledgeSupportId'),
    request: (f) => ({
      url: `/api/v1/knowledge-supports/${f.knowledgeSupportId}`,
      payload: { summary: 'Ändrad', version: v(f) },
    }),
  },
  'POST /api/v1/knowledge-supports/{id}/transition': {
    any: ['knowledge.write'],
    prep: versionOf('knowledge_supports', 'knowledgeSupportId'),
    request: (f) => ({
      url: `/api/v1/knowledge-supports/${f.knowledgeSupportId}/transition`,
      payload: { status: 'upphavd', reason: 'x', version: v(f) },
    }),
  },
  'POST /api/v1/knowledge-supports/{id}/versions': {
    any: ['knowledge.write'],
    note: 'no other version in the works',
    prep: async ({ db, f }) => {
      await db.query(`UPDATE knowledge_support_versions SET status = 'publicerad' WHERE support_id = $1`, [f.knowledgeSupportId]);
      return {};
    },
  },
  'PATCH /api/v1/knowledge-support-versions/{id}': {
    any: ['knowledge.write'],
    prep: versionOf('knowledge_support_versions', 'knowledgeVersionId'),
    request: (f) => ({
      url: `/api/v1/knowledge-support-versions/${f.knowledgeVersionId}`,
      payload: { changeSummary: 'x', version: v(f) },
    }),
  },
  'POST /api/v1/knowledge-support-versions/{id}/transition': {
    any: ['knowledge.write'],
    prep: versionOf('knowledge_support_versions', 'knowledgeVersionId'),
    request: (f) => ({
      url: `/api/v1/knowledge-support-versions/${f.knowledgeVersionId}/transition`,
      payload: { status: 'beslutad', version: v(f) },
    }),
  },
  'POST /api/v1/knowledge-supports/{id}/recommendations': { any: ['knowledge.write'] },
  'PATCH /api/v1/knowledge-recommendations/{id}': { any: ['knowledge.write'] },
  'DELETE /api/v1/knowledge-recommendations/{id}': { any: ['knowledge.write'] },
  'POST /api/v1/knowledge-supports/{id}/local-additions': {
    any: ['knowledge.local.write'],
    note: 'at the LPO; and its web editors',
  },
  'PATCH /api/v1/knowledge-local-additions/{id}': { any: ['knowledge.local.write'], note: 'at the LPO; and its web editors' },
  'POST /api/v1/consultation-rounds': {
    any: ['rounds.create'],
    note: 'no active round on the same track',
    prep: async ({ db, f }) => {
      await db.query(`UPDATE consultation_rounds SET status = 'avbruten' WHERE support_version_id = $1`, [f.knowledgeVersionId]);
      return {};
    },
  },
  'PATCH /api/v1/consultation-rounds/{id}': { any: ['rounds.create'] },
  'POST /api/v1/consultation-rounds/{id}/cancel': { any: ['rounds.create'] },
  'POST /api/v1/consultation-rounds/{id}/documents': { any: ['rounds.create'] },
  'DELETE /api/v1/consultation-rounds/{id}/documents/{documentId}': { any: ['rounds.create'] },
  'PUT /api/v1/consultation-rounds/{id}/steps/{step}': { any: ['rounds.create'] },
  'GET /api/v1/consultation-rounds/{id}/invitations': { any: ['rounds.create'] },
  'POST /api/v1/consultation-rounds/{id}/invitations': { any: ['rounds.create'] },
  'GET /api/v1/consultation-mailboxes/{region}': { any: ['consultations.read'] },
  'PUT /api/v1/consultation-mailboxes/{region}': { any: ['consultations.settings'] },
  'GET /api/v1/consultation-mailboxes/{region}/forwardings': { any: ['consultations.read'] },
  'POST /api/v1/consultation-mailboxes/{region}/forwardings': {
    any: ['consultations.register'],
    note: 'a synpunktsinhämtning sent to the region, by one of its contact persons',
  },

  // ── consultation answers (routed groups work, the beredning forum prepares, the decision forum decides) ──
  'GET /api/v1/consultation-board': { any: ['consultations.read'] },
  'GET /api/v1/consultation-settings/{region}': { any: ['consultations.read'] },
  'PUT /api/v1/consultation-settings/{region}': { any: ['consultations.settings'] },
  'POST /api/v1/consultation-answers': {
    any: ['consultations.register'],
    note: 'a round not yet registered in the region (the knowledge fixture’s)',
    request: (f) => ({ url: '/api/v1/consultation-answers', payload: { roundId: f.knowledgeRoundId!, region: '10' } }),
  },
  'GET /api/v1/consultation-answers/{id}': { any: CONS_READ },
  'POST /api/v1/consultation-answers/{id}/routing': {
    any: ['consultations.route'],
    prep: answerVersion,
    request: (f) => ({
      url: `${answer(f)}/routing`,
      payload: { groupIds: [f.consultationsGroupId!], leadGroupId: f.consultationsGroupId!, version: v(f) },
    }),
  },
  'POST /api/v1/consultation-answers/{id}/start-draft': {
    any: ['consultations.work'],
    note: 'at the lead group',
    prep: async (c) => {
      await c.admin('POST', `/api/v1/consultation-surveys/${c.f.consultationsSurveyId}/close`);
      return answerVersion(c);
    },
    request: (f) => ({ url: `${answer(f)}/start-draft`, payload: { version: v(f) } }),
  },
  'POST /api/v1/consultation-answers/{id}/draft-ready': {
    any: ['consultations.work'],
    note: 'at the lead group',
    prep: (c) => answerTo(c, 'utkast'),
    request: (f) => ({ url: `${answer(f)}/draft-ready`, payload: { version: v(f) } }),
  },
  'POST /api/v1/consultation-answers/{id}/prepare': {
    any: ['consultations.decide'],
    note: 'at the beredning forum',
    prep: (c) => answerTo(c, 'klar-for-beredning'),
    request: (f) => ({ url: `${answer(f)}/prepare`, payload: { version: v(f) } }),
  },
  'POST /api/v1/consultation-answers/{id}/return': {
    any: ['consultations.decide'],
    note: 'at the beredning or decision forum',
    prep: (c) => answerTo(c, 'beredd'),
    request: (f) => ({ url: `${answer(f)}/return`, payload: { version: v(f), note: 'x' } }),
  },
  'POST /api/v1/consultation-answers/{id}/decide': {
    any: ['consultations.decide'],
    note: 'at the decision forum',
    prep: (c) => answerTo(c, 'beredd'),
    request: (f) => ({ url: `${answer(f)}/decide`, payload: { version: v(f), decisionRef: 'KR § 1', decidedOn: '2026-11-02' } }),
  },
  'POST /api/v1/consultation-answers/{id}/send': {
    any: ['consultations.route', 'consultations.work'],
    note: 'the region’s coordinator or the lead group',
    prep: (c) => answerTo(c, 'beslutad'),
    request: (f) => ({ url: `${answer(f)}/send`, payload: { version: v(f), sentOn: '2026-11-02' } }),
  },
  'POST /api/v1/consultation-answers/{id}/supersede': {
    any: ['consultations.decide', 'consultations.route'],
    note: 'the decision forum or the coordinator',
    prep: (c) => answerTo(c, 'beslutad'),
    request: (f) => ({ url: `${answer(f)}/supersede`, payload: { version: v(f), reason: 'x' } }),
  },
  'PUT /api/v1/consultation-answers/{id}/diarienummer': {
    any: ['consultations.register'],
    prep: answerVersion,
    request: (f) => ({ url: `${answer(f)}/diarienummer`, payload: { version: v(f), diarienummer: 'RS 2026/17' } }),
  },
  'POST /api/v1/consultation-answers/{id}/sections': { any: ['consultations.work'], note: 'the routed groups' },
  'PUT /api/v1/consultation-answers/{id}/sections/{sectionId}': { any: ['consultations.work'], note: 'the routed groups' },
  'POST /api/v1/consultation-answers/{id}/comments': { any: ['consultations.work', 'consultations.decide'] },
  'PUT /api/v1/consultation-answers/{id}/comments/{commentId}/response': {
    any: ['consultations.work'],
    note: 'the routed groups',
    prep: async (c) => {
      await c.admin('POST', `${answer(c.f)}/comments`, { sectionId: c.f.consultationsSectionId!, body: 'Synpunkt' });
      const [row] = await c.db.query<{ id: string }>(
        'SELECT id FROM consultation_answer_comments WHERE answer_id = $1 ORDER BY created_at DESC LIMIT 1',
        [c.f.consultationsAnswerId],
      );
      return { commentId: row!.id };
    },
    request: (f) => ({ url: `${answer(f)}/comments/${f.commentId}/response`, payload: { response: 'Svar', version: 1 } }),
  },
  'GET /api/v1/consultation-answers/{id}/document.docx': { any: CONS_READ },
  'GET /api/v1/consultation-answers/{id}/document.pdf': { any: CONS_READ },
  'GET /api/v1/consultation-answers/{id}/comments.xlsx': { any: CONS_READ },
  'POST /api/v1/consultation-answers/{id}/survey': {
    any: ['consultations.work'],
    note: 'the lead group; a routed answer without a survey (a new one on another round)',
    prep: async (c) => {
      const a = (await c.admin('POST', '/api/v1/consultation-answers', { roundId: c.f.knowledgeRoundId!, region: '10' })).json<{
        id: string;
        version: number;
      }>();
      const g = c.f.consultationsGroupId!;
      const routed = await c.admin('POST', `/api/v1/consultation-answers/${a.id}/routing`, {
        groupIds: [g],
        leadGroupId: g,
        version: a.version,
      });
      return { newAnswerId: a.id, v: String(routed.json<{ version: number }>().version) };
    },
    request: (f) => ({
      url: `/api/v1/consultation-answers/${f.newAnswerId}/survey`,
      payload: {
        title: 'x',
        closesOn: '2026-12-01',
        questions: [{ id: 'q1', kind: 'text', topic: 'praxis', text: 'x', required: true }],
        recipients: [{ unit: 'x' }],
        version: v(f),
      },
    }),
  },
  'GET /api/v1/consultation-surveys/{id}': { any: CONS_READ },
  'POST /api/v1/consultation-surveys/{id}/recipients': { any: ['consultations.work'], note: 'the lead group' },
  'POST /api/v1/consultation-surveys/{id}/links': { any: ['consultations.work'], note: 'the lead group' },
  'POST /api/v1/consultation-surveys/{id}/close': { any: ['consultations.work'], note: 'the lead group' },

  // ── joint answers of the healthcare region Södra (roles held in Södra) ──
  'POST /api/v1/consultation-joint-answers': {
    any: ['consultations.route', 'consultations.work'],
    at: 'healthcare-region',
    note: 'the healthcare region’s coordinator, or work at the coordinating RPO; on a round without a joint answer yet',
    prep: async ({ db, f }) => {
      // The joint answer's groups from the consultations fixture (the RPO and the management group of Södra).
      const [j] = await db.query<{ coordinating_group_id: string; approving_group_id: string }>(
        'SELECT coordinating_group_id, approving_group_id FROM consultation_joint_answers WHERE id = $1',
        [f.consultationsJointId],
      );
      return { rpoId: j!.coordinating_group_id, lgId: j!.approving_group_id, jointRoundId: f.knowledgeRoundId! };
    },
    request: (f) => ({
      url: '/api/v1/consultation-joint-answers',
      payload: {
        roundId: f.jointRoundId!,
        healthcareRegionId: 'sodra',
        coordinatingGroupId: f.rpoId!,
        approvingGroupId: f.lgId!,
      },
    }),
  },
  'GET /api/v1/consultation-joint-answers/{id}': { any: CONS_READ, at: 'healthcare-region' },
  'PUT /api/v1/consultation-joint-answers/{id}/sections/{sectionId}': {
    any: ['consultations.work'],
    at: 'healthcare-region',
    note: 'the coordinating RPO',
  },
  'POST /api/v1/consultation-joint-answers/{id}/approve': {
    any: ['consultations.decide'],
    at: 'healthcare-region',
    note: 'the approving management group',
  },
  'POST /api/v1/consultation-joint-answers/{id}/send': {
    any: ['consultations.work', 'consultations.decide'],
    at: 'healthcare-region',
    note: 'an approved joint answer',
    prep: async (c) => {
      await c.admin('POST', `${joint(c.f)}/approve`, { version: 1, approvalRef: 'LG § 1', approvedOn: '2026-11-02' });
      return versionOf('consultation_joint_answers', 'consultationsJointId')(c);
    },
    request: (f) => ({ url: `${joint(f)}/send`, payload: { version: v(f), sentOn: '2026-11-02' } }),
  },
  'GET /api/v1/consultation-joint-answers/{id}/document.docx': { any: CONS_READ, at: 'healthcare-region' },
  'GET /api/v1/consultation-joint-answers/{id}/document.pdf': { any: CONS_READ, at: 'healthcare-region' },

  // ── follow-up ──
  'POST /api/v1/goals': { any: ['followup.goals.write'] },
  'PATCH /api/v1/goals/{id}': { any: ['followup.goals.write'] },
  'DELETE /api/v1/goals/{id}': { any: ['followup.goals.write'] },
  'POST /api/v1/indicators': {
    any: ['followup.indicators.regional.write'],
    note: "a region's own indicator (owner 10); national ones need followup.indicators.manage",
  },
  'PATCH /api/v1/indicators/{id}': { any: ['followup.indicators.manage'] },
  'POST /api/v1/indicators/{id}/imports': { any: ['followup.values.import'] },
  'POST /api/v1/indicators/{id}/imports/upload': { any: ['followup.values.import'] },
  'POST /api/v1/indicator-imports/{id}/cancel': {
    any: ['followup.indicators.manage'],
    note: 'or the person who started the import (src/modules/indicators/policy.ts authorizeImportCancel)',
    // A queued streamed import of the fixture's indicator, so the cancel can succeed.
    prep: async ({ db, f }) => {
      const [row] = await db.query<{ id: string }>(
        `INSERT INTO followup_imports (indicator_id, file_name, status, mode, size_bytes) VALUES ($1, 'matris.csv', 'queued', 'all-or-nothing', 10) RETURNING id`,
        [f.followupIndicatorId],
      );
      return { queuedImportId: row!.id };
    },
    request: (f) => ({ url: `/api/v1/indicator-imports/${f.queuedImportId}/cancel` }),
  },
  'POST /api/v1/indicator-sources/kolada/imports': { any: ['followup.indicators.manage'] },
  'GET /api/v1/indicator-sources/kolada/kpis': { any: ['followup.indicators.manage'] },
  'POST /api/v1/indicator-sources/quality-indicators/imports': { any: ['followup.indicators.manage'] },
  'GET /api/v1/indicator-sources/quality-indicators/measures': { any: ['followup.indicators.manage'] },
  'POST /api/v1/pdsa-cycles': { any: ['pdsa.write'] },
  'PATCH /api/v1/pdsa-cycles/{id}': { any: ['pdsa.write'] },
  'PUT /api/v1/groups/{id}/followup-comments': { any: ['followup.comment'] },
  'POST /api/v1/implementation-statuses': { any: ['implementation.write'] },
  'PATCH /api/v1/implementation-statuses/{id}': { any: ['implementation.write'] },
  'POST /api/v1/plans': { any: ['plans.write'] },
  'PATCH /api/v1/plans/{id}': { any: ['plans.write'] },
  'POST /api/v1/plans/{id}/transition': { any: ['plans.write'] },
  'POST /api/v1/annual-reports': { any: ['plans.write'] },
  'PATCH /api/v1/annual-reports/{id}': { any: ['plans.write'] },
  // Submitted by the program area's plan writers; noted by those of the group it reports to.
  'POST /api/v1/annual-reports/{id}/transition': { any: ['plans.write'] },
  // A recurring obligation is set up by the coordinators; its occurrences recorded by the responsible group's plan writers.
  'POST /api/v1/obligations': { any: ['meetings.manage'] },
  'POST /api/v1/obligations/{id}/occurrences': { any: ['plans.write'] },
  // Read in detail with any role covering the region or group (src/modules/implementation/policy.ts and the other follow-up policies).
  'GET /api/v1/plans/{id}': { any: ANY_ROLE, note: FOLLOWUP_READ },
  'GET /api/v1/annual-reports/{id}': { any: ANY_ROLE, note: FOLLOWUP_READ },
  'GET /api/v1/obligations/{id}': { any: ANY_ROLE, note: FOLLOWUP_READ },
  'GET /api/v1/implementation-statuses/{id}': { any: ANY_ROLE, note: FOLLOWUP_READ },
  'GET /api/v1/implementation-statuses/{id}/history': { any: ANY_ROLE, note: FOLLOWUP_READ },
  'GET /api/v1/groups/{id}/followup-report': { any: ANY_ROLE, note: FOLLOWUP_READ },
  'GET /api/v1/groups/{id}/consolidated-followup-report': { any: ANY_ROLE, note: FOLLOWUP_READ },
};
