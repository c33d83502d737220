import { beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../src/platform/clock.js';
import { buildConsultationRound, buildKnowledgeSupport } from '../src/testing/builders.js';
import { problem, useTestApp, type Session } from './helpers/app.js';
import { useClock } from './helpers/clock.js';

/**
 * Issue 21, items 12–14, on the seeds' words and the national calendar's real dates (seed 002):
 * the remiss processes beyond SKR's two tracks, each with its own steps and dates entered by a
 * person; an öppen nationell remiss answered by invited organisations; synpunktsinhämtning
 * through Region Blekinge's funktionsbrevlåda, passed on by its contact persons.
 */
const t = useTestApp();
// The rounds below are planned on 2027-01-20; the clock stands in the February 2027
// synpunktsinhämtning window (2027-02-01–2027-03-01), before öppen remiss opens (2027-02-15).
useClock('2027-02-03');
const PLANNED = '2027-01-20';

let admin: Session;
let samordnare: Session;
let registrator: Session;
let lasare: Session;
let kalmar: Session;
let roleless: Session;

type Req = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  url: string;
  payload?: Record<string, unknown>;
  headers?: Record<string, string>;
};
const call = (as: Session | undefined, r: Req) => t.request({ ...r, ...(as ? { as } : {}) });

beforeAll(async () => {
  admin = await t.newAdmin();
  samordnare = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
  registrator = await t.newUser([{ role: 'registrator', scopeType: 'region', scopeId: '10' }]);
  lasare = await t.newUser([{ role: 'lasare', scopeType: 'region', scopeId: '10' }]);
  kalmar = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '08' }]);
  roleless = await t.newUser();
});

describe('12. remiss processes beyond SKR’s two tracks', () => {
  it('lists every track with its steps in order and who acts (seed 002)', async () => {
    const res = await call(undefined, { method: 'GET', url: '/api/v1/consultation-tracks' });
    expect(res.statusCode, res.body).toBe(200);
    const tracks = res.json().items as { code: string; calendar: boolean; steps: { code: string; actor: string }[] }[];
    expect(tracks.map((x) => [x.code, x.calendar])).toEqual([
      ['synpunktsinhamtning', true],
      ['oppen-remiss', true],
      ['nationella-riktlinjer', false],
      ['hogspecialiserad-vard', false],
      ['cancer', false],
      ['partnerskapsmyndighet', false],
    ]);
    const nr = tracks.find((x) => x.code === 'nationella-riktlinjer')!;
    expect(nr.steps.map((s) => s.code)).toEqual([
      'preliminar-version',
      'seminarium',
      'gapanalys',
      'bearbetning',
      'gemensamt-svar',
      'godkannande',
      'remissvar',
      'slutlig-version',
    ]);
    expect(nr.steps.find((s) => s.code === 'godkannande')!.actor).toBe('Ledningsgruppen i sjukvårdsregionen');
    const cancer = tracks.find((x) => x.code === 'cancer')!;
    expect(cancer.steps.at(-1)!.actor).toBe('Lokal cancersamordnare');
    const nhv = tracks.find((x) => x.code === 'hogspecialiserad-vard')!;
    expect(nhv.steps.map((s) => s.code)).toEqual([
      'remiss',
      'lpo-lsg',
      'chefsamrad',
      'ekonomi-hr',
      'kunskapsradet',
      'samlat-svar',
    ]);
  });

  it('a nationella riktlinjer round takes the dates a person enters, with no calendar proposal and no override', async () => {
    const s = await buildKnowledgeSupport(t.db, { title: 'Nationella riktlinjer för diabetesvård (preliminär version)' });
    const noDates = await call(admin, {
      method: 'POST',
      url: '/api/v1/consultation-rounds',
      payload: { supportVersionId: s.firstVersionId, track: 'nationella-riktlinjer' },
    });
    expect(noDates.statusCode).toBe(422);
    expect(problem(noDates).body.errors!.map((e: { path: string }) => e.path)).toEqual(['/opensOn', '/closesOn']);

    const res = await call(admin, {
      method: 'POST',
      url: '/api/v1/consultation-rounds',
      payload: {
        supportVersionId: s.firstVersionId,
        track: 'nationella-riktlinjer',
        opensOn: '2027-03-01',
        closesOn: '2027-05-28',
        sender: 'Socialstyrelsen',
        recipients: [{ type: 'healthcare-region', id: 'sodra' }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({
      track: 'nationella-riktlinjer',
      trackLabel: 'Nationella riktlinjer (Socialstyrelsen)',
      trackAgency: 'Socialstyrelsen',
      opensOn: '2027-03-01',
      closesOn: '2027-05-28',
      trackOverridden: false,
      datesOverridden: false,
      overrideReason: null,
    });
    expect(r.steps.map((x: { code: string; dueOn: string | null }) => [x.code, x.dueOn])).toEqual([
      ['preliminar-version', '2027-03-01'],
      ['seminarium', null],
      ['gapanalys', null],
      ['bearbetning', null],
      ['gemensamt-svar', null],
      ['godkannande', null],
      ['remissvar', '2027-05-28'],
      ['slutlig-version', null],
    ]);

    const step = (code: string, payload: Record<string, unknown>, as = admin) =>
      call(as, { method: 'PUT', url: `/api/v1/consultation-rounds/${r.id}/steps/${code}`, payload });
    const seminar = await step('seminarium', {
      dueOn: '2027-03-17',
      doneOn: null,
      note: 'Södra sjukvårdsregionens seminarium',
      version: 0,
    });
    expect(seminar.statusCode, seminar.body).toBe(200);
    expect(seminar.json()).toMatchObject({ code: 'seminarium', dueOn: '2027-03-17', version: 1, late: false });
    expect((await step('seminarium', { dueOn: '2027-03-18', doneOn: null, version: 0 })).statusCode).toBe(409);
    const own = await step('preliminar-version', { dueOn: '2027-03-02', doneOn: null, version: 0 });
    expect(own.statusCode).toBe(422);
    expect(problem(own).body.errors![0]!.path).toBe('/dueOn');
    expect((await step('finns-inte', { dueOn: null, doneOn: null, version: 0 })).statusCode).toBe(404);
    const future = await step('godkannande', { dueOn: '2027-05-20', doneOn: '2027-05-20', version: 0 });
    expect(problem(future).body.errors![0]!.path).toBe('/doneOn');
    expect((await step('godkannande', { dueOn: '2027-05-20', doneOn: null, version: 0 }, samordnare)).statusCode).toBe(403);

    const audit = await t.db.query<{ action: string; after: { step: string; dueOn: string } }>(
      `SELECT action, after FROM audit_events WHERE entity_type = 'consultation-round' AND entity_id = $1 AND action = 'set-step'`,
      [r.id],
    );
    expect(audit.map((a) => [a.after.step, a.after.dueOn])).toEqual([['seminarium', '2027-03-17']]);

    const read = (await call(undefined, { method: 'GET', url: `/api/v1/consultation-rounds/${r.id}` })).json();
    expect(read.steps.find((x: { code: string }) => x.code === 'seminarium')).toMatchObject({
      dueOn: '2027-03-17',
      note: 'Södra sjukvårdsregionens seminarium',
    });
  });

  it('a round cannot move between SKR’s calendar tracks and a track of its own', async () => {
    const r = await buildConsultationRound(t.db, {
      today: PLANNED,
      title: 'Cancer: vårdförlopp, remiss',
      track: 'cancer',
      opensOn: '2027-02-08',
      closesOn: '2027-04-09',
    });
    expect(r.track).toBe('cancer');
    const res = await call(admin, {
      method: 'PATCH',
      url: `/api/v1/consultation-rounds/${r.id}`,
      payload: { track: 'oppen-remiss', version: r.version },
    });
    expect(res.statusCode).toBe(422);
    expect(problem(res).body.errors![0]!.path).toBe('/track');
    const moved = await call(admin, {
      method: 'PATCH',
      url: `/api/v1/consultation-rounds/${r.id}`,
      payload: { closesOn: '2027-04-16', version: r.version },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ closesOn: '2027-04-16', datesOverridden: false });
    expect(moved.json().steps.at(-1)).toMatchObject({ code: 'regionens-svar', dueOn: '2027-04-16' });
  });
});

describe('13. others than the regions answer an öppen nationell remiss', () => {
  it('invites a patient organisation with a personal link; it answers once the round opens; the coordinator reads it', async () => {
    // Significant consequences: öppen remiss, in the window 2027-02-15–2027-04-14.
    const round = await buildConsultationRound(t.db, {
      today: PLANNED,
      title: 'Vårdförlopp stroke, remissversion',
      consequences: [{ dimension: 'organisation', significance: 'significant', text: 'Nya vårdnivåer.' }],
    });
    expect([round.track, round.opensOn, round.closesOn]).toEqual(['oppen-remiss', '2027-02-15', '2027-04-14']);
    const url = `/api/v1/consultation-rounds/${round.id}/invitations`;
    const body = {
      organisation: 'Riksförbundet Hjärt- och lungsjuka',
      organisationKind: 'patientorganisation',
      contactEmail: 'Remiss@Example.se',
    };

    expect((await call(samordnare, { method: 'POST', url, payload: body })).statusCode).toBe(403);
    expect((await call(admin, { method: 'POST', url, payload: { ...body, organisationKind: 'foretag' } })).statusCode).toBe(422);
    const res = await call(admin, { method: 'POST', url, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    const { invitation, link } = res.json();
    expect(invitation).toMatchObject({ organisation: body.organisation, contactEmail: 'remiss@example.se', answer: null });
    expect(link).toMatch(new RegExp(`/remissvar/${invitation.id}#`));
    expect(
      (await call(admin, { method: 'POST', url, payload: { ...body, organisation: 'riksförbundet hjärt- och lungsjuka' } }))
        .statusCode,
    ).toBe(409);
    expect((await t.db.query("SELECT 1 FROM outbound_emails WHERE to_address = 'remiss@example.se'")).length).toBe(1);

    const token = link.split('#')[1];
    const form = `/api/v1/invitation-form/${invitation.id}`;
    expect((await call(undefined, { method: 'GET', url: form, headers: { 'x-invitation-token': 'fel' } })).statusCode).toBe(404);
    const opened = await call(undefined, { method: 'GET', url: form, headers: { 'x-invitation-token': token } });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({
      roundTitle: 'Vårdförlopp stroke, remissversion',
      opensOn: '2027-02-15',
      closesOn: '2027-04-14',
    });
    const answer = { answer: 'Förbundet tillstyrker vårdförloppet men saknar uppföljning av rehabiliteringen.' };
    const early = await call(undefined, { method: 'PUT', url: form, payload: answer, headers: { 'x-invitation-token': token } });
    expect(early.statusCode).toBe(422);

    setClock('2027-03-10');
    try {
      const ok = await call(undefined, { method: 'PUT', url: form, payload: answer, headers: { 'x-invitation-token': token } });
      expect(ok.statusCode, ok.body).toBe(204);
    } finally {
      setClock('2027-02-03');
    }
    const list = await call(admin, { method: 'GET', url });
    expect(list.json().items).toEqual([expect.objectContaining({ organisation: body.organisation, answer: answer.answer })]);
    expect((await call(lasare, { method: 'GET', url })).statusCode).toBe(403);
    const trail = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity_type = 'consultation-invitation' AND entity_id = $1 ORDER BY id`,
      [invitation.id],
    );
    expect(trail.map((x) => x.action)).toEqual(['create', 'answer']);

    setClock('2027-04-15');
    try {
      const late = await call(undefined, { method: 'PUT', url: form, payload: answer, headers: { 'x-invitation-token': token } });
      expect(late.statusCode).toBe(410);
    } finally {
      setClock('2027-02-03');
    }
  });

  it('a synpunktsinhämtning is answered by the regions only', async () => {
    const round = await buildConsultationRound(t.db, { today: PLANNED });
    expect(round.track).toBe('synpunktsinhamtning');
    const res = await call(admin, {
      method: 'POST',
      url: `/api/v1/consultation-rounds/${round.id}/invitations`,
      payload: { organisation: 'Linnéuniversitetet', organisationKind: 'universitet', contactEmail: 'remiss@lnu.example.se' },
    });
    expect(res.statusCode).toBe(422);
  });
});

describe('14. synpunktsinhämtning through Region Blekinge’s funktionsbrevlåda', () => {
  it('records the mailbox and contact persons, then who forwarded what to whom and when (audited)', async () => {
    // Planned 2027-01-20: the February window, 2027-02-01–2027-03-01, sent to every region.
    const round = await buildConsultationRound(t.db, {
      today: PLANNED,
      title: 'Synpunktsinhämtning: Hjärtsvikt, kliniskt kunskapsstöd',
    });
    expect([round.track, round.opensOn, round.closesOn]).toEqual(['synpunktsinhamtning', '2027-02-01', '2027-03-01']);
    const mailbox = '/api/v1/consultation-mailboxes/10';
    const box = {
      address: 'kunskapsstyrning@regionblekinge.example.se',
      contacts: [
        { name: 'Anna Kontaktperson', email: 'anna@regionblekinge.example.se' },
        { name: 'Bo Kontaktperson', email: 'bo@regionblekinge.example.se' },
      ],
      version: 0,
    };
    const forward = {
      roundId: round.id,
      forwardedByEmail: 'anna@regionblekinge.example.se',
      forwardedTo: 'LPO Hjärta och kärl Blekinge (ordförande och processtöd)',
      forwardedOn: '2027-02-02',
    };
    const fwd = (as: Session, payload: Record<string, unknown>) =>
      call(as, { method: 'POST', url: `${mailbox}/forwardings`, payload });

    const none = await fwd(registrator, forward);
    expect(none.statusCode).toBe(422);
    expect(problem(none).body.errors![0]!.path).toBe('/forwardedByEmail');

    expect((await call(registrator, { method: 'PUT', url: mailbox, payload: box })).statusCode).toBe(403);
    expect((await call(kalmar, { method: 'PUT', url: mailbox, payload: box })).statusCode).toBe(403);
    const dupe = await call(samordnare, {
      method: 'PUT',
      url: mailbox,
      payload: { ...box, contacts: [box.contacts[0], box.contacts[0]] },
    });
    expect(dupe.statusCode).toBe(422);
    const saved = await call(samordnare, { method: 'PUT', url: mailbox, payload: box });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      address: box.address,
      contacts: box.contacts,
      version: 1,
      mayEdit: true,
      mayForward: true,
    });
    expect((await call(samordnare, { method: 'PUT', url: mailbox, payload: box })).statusCode).toBe(409);
    expect((await call(lasare, { method: 'GET', url: mailbox })).json()).toMatchObject({
      version: 1,
      mayEdit: false,
      mayForward: false,
    });
    expect((await call(roleless, { method: 'GET', url: mailbox })).statusCode).toBe(403);

    const stranger = await fwd(registrator, { ...forward, forwardedByEmail: 'okand@example.se' });
    expect(problem(stranger).body.errors![0]!.path).toBe('/forwardedByEmail');
    const before = await fwd(registrator, { ...forward, forwardedOn: '2027-01-29' });
    expect(problem(before).body.errors![0]).toMatchObject({
      path: '/forwardedOn',
      message: 'Synpunktsinhämtningen öppnade 2027-02-01.',
    });
    const future = await fwd(registrator, { ...forward, forwardedOn: '2027-02-04' });
    expect(problem(future).body.errors![0]!.path).toBe('/forwardedOn');
    expect((await fwd(lasare, forward)).statusCode).toBe(403);
    expect((await fwd(kalmar, forward)).statusCode).toBe(403);
    const remiss = await buildConsultationRound(t.db, {
      today: PLANNED,
      consequences: [{ dimension: 'resources', significance: 'significant', text: 'Stor resurspåverkan.' }],
    });
    const wrongTrack = await fwd(registrator, { ...forward, roundId: remiss.id });
    expect(problem(wrongTrack).body.errors![0]!.path).toBe('/roundId');

    const ok = await fwd(registrator, forward);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      region: '10',
      forwardedByName: 'Anna Kontaktperson',
      forwardedTo: forward.forwardedTo,
      forwardedOn: '2027-02-02',
      roundTitle: 'Synpunktsinhämtning: Hjärtsvikt, kliniskt kunskapsstöd',
    });
    const list = await call(lasare, { method: 'GET', url: `${mailbox}/forwardings?roundId=${round.id}` });
    expect(list.json().items).toHaveLength(1);
    const audit = await t.db.query<{ after: { forwardedByEmail: string; forwardedOn: string } }>(
      `SELECT after FROM audit_events WHERE entity_type = 'consultation-forwarding' AND entity_id = $1`,
      [ok.json().id],
    );
    expect(audit[0]!.after).toMatchObject({ forwardedByEmail: 'anna@regionblekinge.example.se', forwardedOn: '2027-02-02' });
    const boxAudit = await t.db.query(
      `SELECT 1 FROM audit_events WHERE entity_type = 'consultation-mailbox' AND entity_id = '10'`,
    );
    expect(boxAudit).toHaveLength(1);
  });
});
