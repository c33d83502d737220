import { beforeAll, describe, expect, it } from 'vitest';
import { openSurveyForm, respondToSurvey } from '../src/modules/consultation/respond-to-survey.js';
import { systemCtx } from '../src/platform/context.js';
import { buildConsultationRound, buildLpo } from '../src/testing/builders.js';
import { useTestApp, type Session } from './helpers/app.js';
import { useClock } from './helpers/clock.js';

/** Survey links are personal and single-purpose, kept hashed, and expire with the survey. */
const t = useTestApp();
// Survey dates are checked against the round's real milestones: the clock stands on the planning day.
useClock('2026-11-26');
let samordnare: Session;
const surveys: { id: string; answerId: string; token: string; closesOn: string }[] = [];

beforeAll(async () => {
  samordnare = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '07' }]);
  const lpo = (await buildLpo(t.db, { region: '07', programAreaId: 'endokrina-sjukdomar' })).id;
  for (const title of ['Vårdprogram diabetes typ 2', 'Vårdförlopp osteoporos']) {
    const round = await buildConsultationRound(t.db, { title });
    const a = (
      await t.request({
        method: 'POST',
        url: '/api/v1/consultation-answers',
        as: samordnare,
        payload: { roundId: round.id, region: '07' },
      })
    ).json();
    const r = await t.request({
      method: 'POST',
      url: `/api/v1/consultation-answers/${a.id}/routing`,
      as: samordnare,
      payload: { groupIds: [lpo], leadGroupId: lpo, version: a.version },
    });
    const s = await t.request({
      method: 'POST',
      url: `/api/v1/consultation-answers/${a.id}/survey`,
      as: samordnare,
      payload: {
        title: `Gapanalys ${title}`,
        closesOn: '2026-12-10',
        questions: [{ id: 'q1', kind: 'yes-no', topic: 'praxis', text: 'Följer ni rekommendationen i dag?', required: true }],
        recipients: [{ unit: 'Medicinkliniken Växjö' }],
        version: r.json().version,
      },
    });
    expect(s.statusCode, s.body).toBe(201);
    surveys.push({
      id: s.json().answer.survey.id,
      answerId: a.id,
      token: s.json().links[0].link.split('#')[1],
      closesOn: '2026-12-10',
    });
  }
});

describe('survey links', () => {
  it('open their own survey only: a token used for another survey is 404', async () => {
    const [a, b] = surveys;
    const own = await t.request({ method: 'GET', url: `/api/v1/survey-form/${a!.id}`, headers: { 'x-survey-token': a!.token } });
    expect(own.statusCode).toBe(200);
    expect(own.json().title).toBe('Gapanalys Vårdprogram diabetes typ 2');
    const other = await t.request({
      method: 'GET',
      url: `/api/v1/survey-form/${b!.id}`,
      headers: { 'x-survey-token': a!.token },
    });
    expect(other.statusCode).toBe(404);
    const put = await t.request({
      method: 'PUT',
      url: `/api/v1/survey-form/${b!.id}`,
      headers: { 'x-survey-token': a!.token },
      payload: { answers: { q1: true } },
    });
    expect(put.statusCode).toBe(404);
    expect((await t.db.query('SELECT 1 FROM consultation_survey_recipients WHERE responded_at IS NOT NULL')).length).toBe(0);
  });

  it('let the unit change its answers while open, and expire the day after the survey closes (410)', async () => {
    const a = surveys[0]!;
    await respondToSurvey(t.db, systemCtx('test'), a.id, a.token, { q1: false }, { today: '2026-12-10' });
    await respondToSurvey(t.db, systemCtx('test'), a.id, a.token, { q1: true }, { today: '2026-12-10' });
    expect((await openSurveyForm(t.db, a.id, a.token, { today: '2026-12-10' })).recipient.answers).toEqual({ q1: true });
    await expect(openSurveyForm(t.db, a.id, a.token, { today: '2026-12-11' })).rejects.toMatchObject({ status: 410 });
    await expect(
      respondToSurvey(t.db, systemCtx('test'), a.id, a.token, { q1: false }, { today: '2026-12-11' }),
    ).rejects.toMatchObject({ status: 410 });
  });

  it('go to more units after sending, each with a new link; a closed survey takes no more', async () => {
    const b = surveys[1]!;
    const more = await t.request({
      method: 'POST',
      url: `/api/v1/consultation-surveys/${b.id}/recipients`,
      as: samordnare,
      payload: { recipients: [{ unit: 'Vårdcentralen Alvesta', email: 'Alvesta@Example.se' }] },
    });
    expect(more.statusCode, more.body).toBe(201);
    const token = more.json().links[0].link.split('#')[1];
    expect(token).not.toBe(b.token);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/survey-form/${b.id}`, headers: { 'x-survey-token': token } })).json().unit,
    ).toBe('Vårdcentralen Alvesta');
    expect((await t.db.query("SELECT 1 FROM outbound_emails WHERE to_address = 'alvesta@example.se'")).length).toBe(1);
    const closed = await t.request({ method: 'POST', url: `/api/v1/consultation-surveys/${b.id}/close`, as: samordnare });
    expect(closed.json().status).toBe('stangd');
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/survey-form/${b.id}`, headers: { 'x-survey-token': token } })).statusCode,
    ).toBe(410);
    const late = await t.request({
      method: 'POST',
      url: `/api/v1/consultation-surveys/${b.id}/recipients`,
      as: samordnare,
      payload: { recipients: [{ unit: 'x' }] },
    });
    expect(late.statusCode).toBe(422);
  });

  it('give new links on request — a reminder to the units that have not answered, or one unit’s link again — and the old links stop working', async () => {
    const a = surveys[0]!;
    const path = `/api/v1/consultation-surveys/${a.id}`;
    const open = (token: string) =>
      t.request({ method: 'GET', url: `/api/v1/survey-form/${a.id}`, headers: { 'x-survey-token': token } });
    const added = await t.request({
      method: 'POST',
      url: `${path}/recipients`,
      as: samordnare,
      payload: { recipients: [{ unit: 'Vårdcentralen Ljungby', email: 'ljungby@example.se' }] },
    });
    const first = added.json().links[0].link.split('#')[1] as string;

    // The reminder: Medicinkliniken has answered (above), so only Ljungby gets a new link and mail.
    const reminder = await t.request({ method: 'POST', url: `${path}/links`, as: samordnare, payload: {} });
    expect(reminder.statusCode, reminder.body).toBe(201);
    expect(reminder.json().links.map((l: { unit: string }) => l.unit)).toEqual(['Vårdcentralen Ljungby']);
    const second = reminder.json().links[0].link.split('#')[1] as string;
    expect(second).not.toBe(first);
    expect((await open(first)).statusCode).toBe(404);
    expect((await open(second)).json().unit).toBe('Vårdcentralen Ljungby');
    const mails = await t.db.query<{ subject: string; body_text: string }>(
      "SELECT subject, body_text FROM outbound_emails WHERE to_address = 'ljungby@example.se' ORDER BY created_at, id",
    );
    expect(mails).toHaveLength(2);
    expect(mails.some((m) => m.subject.startsWith('Påminnelse – ny länk: Gapanalys: Gapanalys Vårdprogram diabetes typ 2'))).toBe(true);
    expect(mails.some((m) => m.body_text.includes(second))).toBe(true);

    // One unit's link again (it kept its answer): the old token stops working, the new one opens it.
    const progress = (await t.request({ method: 'GET', url: path, as: samordnare })).json();
    const clinic = progress.recipients.find((r: { unit: string }) => r.unit === 'Medicinkliniken Växjö');
    const again = await t.request({
      method: 'POST',
      url: `${path}/links`,
      as: samordnare,
      payload: { recipientIds: [clinic.id] },
    });
    expect(again.statusCode, again.body).toBe(201);
    const clinicToken = again.json().links[0].link.split('#')[1] as string;
    expect((await open(a.token)).statusCode).toBe(404);
    expect((await open(clinicToken)).json()).toMatchObject({ unit: 'Medicinkliniken Växjö', answers: { q1: true } });

    // Refusals change nothing: an id that is not a recipient, an outsider, everyone answered.
    const unknown = await t.request({
      method: 'POST',
      url: `${path}/links`,
      as: samordnare,
      payload: { recipientIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(unknown.statusCode).toBe(422);
    const outsider = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
    expect([403, 404]).toContain(
      (await t.request({ method: 'POST', url: `${path}/links`, as: outsider, payload: {} })).statusCode,
    );
    expect((await open(clinicToken)).statusCode).toBe(200);
    await respondToSurvey(t.db, systemCtx('test'), a.id, second, { q1: false }, { today: '2026-11-26' });
    const none = await t.request({ method: 'POST', url: `${path}/links`, as: samordnare, payload: {} });
    expect(none.statusCode).toBe(422);
    expect(none.json().detail ?? none.json().title).toContain('Alla enheter har redan svarat');
    const audited = await t.db.query<{ after: { recipients: string[]; reminder: boolean } }>(
      "SELECT after FROM audit_events WHERE entity_type = 'consultation-survey' AND action = 'reissue-links' AND entity_id = $1 ORDER BY id",
      [a.id],
    );
    expect(audited.map((x) => x.after)).toEqual([
      { recipients: ['Vårdcentralen Ljungby'], reminder: true },
      { recipients: ['Medicinkliniken Växjö'], reminder: false },
    ]);
  });
});
