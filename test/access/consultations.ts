import { createJointAnswer } from '../../src/modules/consultation/create-joint-answer.js';
import { registerAnswer } from '../../src/modules/consultation/register-answer.js';
import { routeAnswer } from '../../src/modules/consultation/route-answer.js';
import { sendSurvey } from '../../src/modules/consultation/send-survey.js';
import { inviteOrganisation } from '../../src/modules/consultation/rounds/invite-organisation.js';
import { updateMailbox } from '../../src/modules/consultation/update-mailbox.js';
import { clock } from '../../src/platform/clock.js';
import { systemCtx } from '../../src/platform/context.js';
import { daysFromToday } from '../helpers/clock.js';
import { buildConsultationRound, buildGroup, buildLpo } from '../../src/testing/builders.js';
import type { AccessModule } from './types.js';

/** A round registered and routed in Region Blekinge, its survey link, and Södra's joint answer. */
async function setupConsultations({ db }: Parameters<AccessModule['setup'] & object>[0]) {
  const ctx = systemCtx('matrix');
  const round = await buildConsultationRound(db, { title: 'Matrisens remiss' });
  const lpo = await buildLpo(db, { region: '10', programAreaId: 'ogonsjukdomar', name: 'Matrisens LPO' });
  const forum = await buildGroup(db, { kind: 'council', level: 'region', owner: '10', name: 'Matrisens råd' });
  const answer = await registerAnswer(db, ctx, { roundId: round.id, region: '10' });
  await routeAnswer(db, ctx, answer.id, {
    groupIds: [lpo.id],
    leadGroupId: lpo.id,
    beredningGroupId: forum.id,
    decisionGroupId: forum.id,
    version: 1,
  });
  const { survey, links } = await sendSurvey(
    db,
    ctx,
    answer.id,
    {
      title: 'Matrisens enkät',
      closesOn: round.closesOn,
      questions: [{ id: 'q1', kind: 'text', topic: 'praxis', text: 'Hur gör ni i dag?', required: true }],
      recipients: [{ unit: 'Matrisens enhet' }],
      version: 2,
    },
    { publicUrl: 'http://localhost' },
  );
  const rpo = await buildGroup(db, {
    kind: 'program-area',
    level: 'healthcare-region',
    owner: 'sodra',
    // Not one of the demo's areas: the demo gives Södra an RPO for each of its LPOs (backup test: demo + matrix).
    programAreaIds: ['tandvard'],
    name: 'Matrisens RPO',
  });
  const ledning = await buildGroup(db, {
    kind: 'steering-group',
    level: 'healthcare-region',
    owner: 'sodra',
    name: 'Matrisens ledningsgrupp',
  });
  const jointId = await createJointAnswer(db, ctx, {
    roundId: round.id,
    healthcareRegionId: 'sodra',
    coordinatingGroupId: rpo.id,
    approvingGroupId: ledning.id,
  });
  const sections = await db.query<{ id: string }>(
    'SELECT id FROM consultation_answer_sections WHERE answer_id = $1 ORDER BY position',
    [answer.id],
  );
  const jointSections = await db.query<{ id: string }>(
    'SELECT id FROM consultation_joint_sections WHERE joint_answer_id = $1 ORDER BY position',
    [jointId],
  );
  // Issue 21 items 13–14: an open synpunktsinhämtning and an open öppen remiss (their windows
  // moved around today), Blekinge's funktionsbrevlåda, and one invited organisation.
  const open = async (r: { id: string }) =>
    db.query(
      `UPDATE consultation_rounds SET opens_on = $2, closes_on = $3, dates_overridden = true, override_reason = 'matrisen' WHERE id = $1`,
      [r.id, daysFromToday(-3), daysFromToday(20)],
    );
  const synpunkt = await buildConsultationRound(db, { title: 'Matrisens synpunktsinhämtning' });
  await open(synpunkt);
  const remiss = await buildConsultationRound(db, {
    title: 'Matrisens öppna remiss',
    consequences: [{ dimension: 'organisation', significance: 'significant', text: 'Nya vårdnivåer.' }],
  });
  await open(remiss);
  await updateMailbox(db, ctx, '10', {
    address: 'funktionsbrevlada@matris.example.se',
    contacts: [{ name: 'Matrisens kontaktperson', email: 'kontakt@matris.example.se' }],
    version: 0,
  });
  const invited = await inviteOrganisation(
    db,
    ctx,
    remiss.id,
    { organisation: 'Matrisens patientförening', organisationKind: 'patientorganisation', contactEmail: 'pf@matris.example.se' },
    { publicUrl: 'http://localhost', today: clock.today() },
  );
  return {
    consultationsSynpunktId: synpunkt.id,
    consultationsRemissId: remiss.id,
    consultationsInvitationId: invited.invitation.id,
    consultationsInvitationToken: invited.link.split('#')[1]!,
    consultationsRoundId: round.id,
    consultationsAnswerId: answer.id,
    consultationsSectionId: sections[0]!.id,
    consultationsGroupId: lpo.id,
    consultationsSurveyId: survey.id,
    consultationsToken: links[0]!.link.split('#')[1]!,
    consultationsJointId: jointId,
    consultationsJointSectionId: jointSections[0]!.id,
  };
}

const A = (f: Record<string, string>) => `/api/v1/consultation-answers/${f.consultationsAnswerId}`;
const J = (f: Record<string, string>) => `/api/v1/consultation-joint-answers/${f.consultationsJointId}`;
const ZERO = '00000000-0000-4000-8000-000000000000';

export const consultationsAccess: AccessModule = {
  setup: setupConsultations,
  routes: {
    'GET /api/v1/consultation-overview': ['signed-in', () => ({ url: '/api/v1/consultation-overview' })],
    'GET /api/v1/consultation-board': ['scoped', () => ({ url: '/api/v1/consultation-board?region=10' })],
    'GET /api/v1/consultation-settings/{region}': ['scoped', () => ({ url: '/api/v1/consultation-settings/10' })],
    'PUT /api/v1/consultation-settings/{region}': [
      'scoped',
      () => ({
        url: '/api/v1/consultation-settings/10',
        payload: {
          surveyClosesDays: 12,
          draftReadyDays: 8,
          beredningDays: 5,
          decisionDays: 2,
          beredningGroupId: null,
          decisionGroupId: null,
          version: 0,
        },
      }),
    ],
    'GET /api/v1/consultation-answers': ['signed-in', () => ({ url: '/api/v1/consultation-answers' })],
    'POST /api/v1/consultation-answers': [
      'scoped',
      (f) => ({ url: '/api/v1/consultation-answers', payload: { roundId: f.consultationsRoundId!, region: '10' } }),
    ],
    'GET /api/v1/consultation-answers/{id}': ['scoped', (f) => ({ url: A(f) })],
    'POST /api/v1/consultation-answers/{id}/routing': [
      'scoped',
      (f) => ({
        url: `${A(f)}/routing`,
        payload: { groupIds: [f.consultationsGroupId!], leadGroupId: f.consultationsGroupId!, version: 3 },
      }),
    ],
    'POST /api/v1/consultation-answers/{id}/start-draft': [
      'scoped',
      (f) => ({ url: `${A(f)}/start-draft`, payload: { version: 3 } }),
    ],
    'POST /api/v1/consultation-answers/{id}/draft-ready': [
      'scoped',
      (f) => ({ url: `${A(f)}/draft-ready`, payload: { version: 3 } }),
    ],
    'POST /api/v1/consultation-answers/{id}/prepare': ['scoped', (f) => ({ url: `${A(f)}/prepare`, payload: { version: 3 } })],
    'POST /api/v1/consultation-answers/{id}/return': [
      'scoped',
      (f) => ({ url: `${A(f)}/return`, payload: { version: 3, note: 'x' } }),
    ],
    'POST /api/v1/consultation-answers/{id}/decide': [
      'scoped',
      (f) => ({ url: `${A(f)}/decide`, payload: { version: 3, decisionRef: 'KR § 1', decidedOn: '2026-11-02' } }),
    ],
    'POST /api/v1/consultation-answers/{id}/send': [
      'scoped',
      (f) => ({ url: `${A(f)}/send`, payload: { version: 3, sentOn: '2026-11-02' } }),
    ],
    'POST /api/v1/consultation-answers/{id}/supersede': [
      'scoped',
      (f) => ({ url: `${A(f)}/supersede`, payload: { version: 3, reason: 'x' } }),
    ],
    'PUT /api/v1/consultation-answers/{id}/diarienummer': [
      'scoped',
      (f) => ({ url: `${A(f)}/diarienummer`, payload: { version: 1, diarienummer: 'RS 2026/17' } }),
    ],
    'POST /api/v1/consultation-answers/{id}/sections': [
      'scoped',
      (f) => ({ url: `${A(f)}/sections`, payload: { heading: 'Matris' } }),
    ],
    'PUT /api/v1/consultation-answers/{id}/sections/{sectionId}': [
      'scoped',
      (f) => ({ url: `${A(f)}/sections/${f.consultationsSectionId}`, payload: { body: 'x', version: 1 } }),
    ],
    'POST /api/v1/consultation-answers/{id}/comments': [
      'scoped',
      (f) => ({ url: `${A(f)}/comments`, payload: { sectionId: f.consultationsSectionId!, body: 'x' } }),
    ],
    'PUT /api/v1/consultation-answers/{id}/comments/{commentId}/response': [
      'scoped',
      (f) => ({ url: `${A(f)}/comments/${ZERO}/response`, payload: { response: 'x', version: 1 } }),
    ],
    'GET /api/v1/consultation-answers/{id}/document.docx': ['scoped', (f) => ({ url: `${A(f)}/document.docx` })],
    'GET /api/v1/consultation-answers/{id}/document.pdf': ['scoped', (f) => ({ url: `${A(f)}/document.pdf` })],
    'GET /api/v1/consultation-answers/{id}/comments.xlsx': ['scoped', (f) => ({ url: `${A(f)}/comments.xlsx` })],
    'POST /api/v1/consultation-answers/{id}/survey': [
      'scoped',
      (f) => ({
        url: `${A(f)}/survey`,
        payload: {
          title: 'x',
          closesOn: '2026-12-01',
          questions: [{ id: 'q1', kind: 'text', topic: 'praxis', text: 'x', required: true }],
          recipients: [{ unit: 'x' }],
          version: 3,
        },
      }),
    ],
    'GET /api/v1/consultation-surveys/{id}': [
      'scoped',
      (f) => ({ url: `/api/v1/consultation-surveys/${f.consultationsSurveyId}` }),
    ],
    'POST /api/v1/consultation-surveys/{id}/recipients': [
      'scoped',
      (f) => ({
        url: `/api/v1/consultation-surveys/${f.consultationsSurveyId}/recipients`,
        payload: { recipients: [{ unit: 'x' }] },
      }),
    ],
    'POST /api/v1/consultation-surveys/{id}/links': [
      'scoped',
      (f) => ({ url: `/api/v1/consultation-surveys/${f.consultationsSurveyId}/links`, payload: {} }),
    ],
    'POST /api/v1/consultation-surveys/{id}/close': [
      'scoped',
      (f) => ({ url: `/api/v1/consultation-surveys/${f.consultationsSurveyId}/close` }),
    ],
    // Issue 21 items 12–14: the tracks, a round's steps, invited organisations, the funktionsbrevlåda.
    'GET /api/v1/consultation-tracks': ['public', () => ({ url: '/api/v1/consultation-tracks' })],
    'PUT /api/v1/consultation-rounds/{id}/steps/{step}': [
      'admin',
      (f) => ({
        url: `/api/v1/consultation-rounds/${f.consultationsSynpunktId}/steps/vidareformedling`,
        payload: { dueOn: daysFromToday(2), doneOn: null, version: 0 },
      }),
    ],
    'GET /api/v1/consultation-rounds/{id}/invitations': [
      'admin',
      (f) => ({ url: `/api/v1/consultation-rounds/${f.consultationsRemissId}/invitations` }),
    ],
    'POST /api/v1/consultation-rounds/{id}/invitations': [
      'admin',
      (f) => ({
        url: `/api/v1/consultation-rounds/${f.consultationsRemissId}/invitations`,
        payload: {
          organisation: `Matrisens universitet ${Math.random()}`,
          organisationKind: 'universitet',
          contactEmail: 'u@matris.example.se',
        },
      }),
    ],
    'GET /api/v1/invitation-form/{id}': [
      'public',
      (f) => ({
        url: `/api/v1/invitation-form/${f.consultationsInvitationId}`,
        headers: { 'x-invitation-token': f.consultationsInvitationToken! },
      }),
    ],
    'PUT /api/v1/invitation-form/{id}': [
      'public',
      (f) => ({
        url: `/api/v1/invitation-form/${f.consultationsInvitationId}`,
        headers: { 'x-invitation-token': f.consultationsInvitationToken! },
        payload: { answer: 'Föreningen tillstyrker.' },
      }),
    ],
    'GET /api/v1/consultation-mailboxes/{region}': ['scoped', () => ({ url: '/api/v1/consultation-mailboxes/10' })],
    'PUT /api/v1/consultation-mailboxes/{region}': [
      'scoped',
      () => ({
        url: '/api/v1/consultation-mailboxes/10',
        payload: {
          address: 'funktionsbrevlada@matris.example.se',
          contacts: [{ name: 'Matrisens kontaktperson', email: 'kontakt@matris.example.se' }],
          version: 1,
        },
      }),
    ],
    'GET /api/v1/consultation-mailboxes/{region}/forwardings': [
      'scoped',
      () => ({ url: '/api/v1/consultation-mailboxes/10/forwardings' }),
    ],
    'POST /api/v1/consultation-mailboxes/{region}/forwardings': [
      'scoped',
      (f) => ({
        url: '/api/v1/consultation-mailboxes/10/forwardings',
        payload: {
          roundId: f.consultationsSynpunktId!,
          forwardedByEmail: 'kontakt@matris.example.se',
          forwardedTo: 'LPO Ögonsjukdomar',
          forwardedOn: daysFromToday(0),
        },
      }),
    ],
    // The personal link: no account, the token is the key (404 without it, 410 once closed).
    'GET /api/v1/survey-form/{id}': [
      'public',
      (f) => ({ url: `/api/v1/survey-form/${f.consultationsSurveyId}`, headers: { 'x-survey-token': f.consultationsToken! } }),
    ],
    'PUT /api/v1/survey-form/{id}': [
      'public',
      (f) => ({
        url: `/api/v1/survey-form/${f.consultationsSurveyId}`,
        headers: { 'x-survey-token': f.consultationsToken! },
        payload: { answers: { q1: 'Vi gör så här.' } },
      }),
    ],
    'POST /api/v1/consultation-joint-answers': [
      'scoped',
      (f) => ({
        url: '/api/v1/consultation-joint-answers',
        payload: {
          roundId: f.consultationsRoundId!,
          healthcareRegionId: 'sodra',
          coordinatingGroupId: ZERO,
          approvingGroupId: ZERO,
        },
      }),
    ],
    'GET /api/v1/consultation-joint-answers/{id}': ['scoped', (f) => ({ url: J(f) })],
    'PUT /api/v1/consultation-joint-answers/{id}/sections/{sectionId}': [
      'scoped',
      (f) => ({ url: `${J(f)}/sections/${f.consultationsJointSectionId}`, payload: { body: 'x', version: 1 } }),
    ],
    'POST /api/v1/consultation-joint-answers/{id}/approve': [
      'scoped',
      (f) => ({ url: `${J(f)}/approve`, payload: { version: 1, approvalRef: 'LG § 1', approvedOn: '2026-11-02' } }),
    ],
    'POST /api/v1/consultation-joint-answers/{id}/send': [
      'scoped',
      (f) => ({ url: `${J(f)}/send`, payload: { version: 1, sentOn: '2026-11-02' } }),
    ],
    'GET /api/v1/consultation-joint-answers/{id}/document.docx': ['scoped', (f) => ({ url: `${J(f)}/document.docx` })],
    'GET /api/v1/consultation-joint-answers/{id}/document.pdf': ['scoped', (f) => ({ url: `${J(f)}/document.pdf` })],
  },
};
