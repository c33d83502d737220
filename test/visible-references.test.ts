import { beforeAll, describe, expect, it } from 'vitest';
import { buildCase, buildDeclaredPerson, buildGroup, buildKnowledgeSupport, buildPerson } from '../src/testing/builders.js';
import { useTestApp, type Session } from './helpers/app.js';
import { clock } from '../src/platform/clock.js';

/**
 * The trust issue's findings 1, 3 and 7: secrecy is changed only by those who read secret
 * material, a write cannot name another region's objects, and a group's parent stays within the
 * caller's scope and the placement rules. The class (every write body reference) is covered by
 * test/access-references.test.ts.
 */
const t = useTestApp();
const auditCount = async () => (await t.db.query<{ n: number }>('SELECT count(*) AS n FROM audit_events'))[0]!.n;
const today = clock.today();

let blekinge: Session; // samordnare in Region Blekinge (10)
let sodra: Session; // samordnare in the healthcare region Södra, above Blekinge: handles its cases, reads no secrets
let kalmar: Session; // samordnare and processtöd in Region Kalmar (08)
let blekingePerson: { id: string; email: string | null };
let kalmarGroup: string;
let kalmarCase: string;

beforeAll(async () => {
  blekinge = await t.newUser([{ role: 'samordnare', scopeType: 'region', scopeId: '10' }]);
  sodra = await t.newUser([{ role: 'samordnare', scopeType: 'healthcare-region', scopeId: 'sodra' }]);
  kalmar = await t.newUser([
    { role: 'samordnare', scopeType: 'region', scopeId: '08' },
    { role: 'processtod', scopeType: 'region', scopeId: '08' },
  ]);
  blekingePerson = await buildDeclaredPerson(t.db, { homeOwner: '10' });
  kalmarGroup = (await buildGroup(t.db, { kind: 'working-group', level: 'region', owner: '08', name: 'Kalmars arbetsgrupp' })).id;
  kalmarCase = (await buildCase(t.db, { region: '08' })).id;
});

describe('finding 1: secrecy', () => {
  let secretCase: { id: string; version: number };
  let documentId: string;

  beforeAll(async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/cases',
      as: blekinge,
      payload: {
        region: '10',
        subject: 'Hemlig utredning',
        origin: 'agency',
        sender: 'Inspektionen för vård och omsorg',
        receivedDate: today,
        secret: true,
        secrecyGround: 'OSL 25 kap. 1 §',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    secretCase = res.json();
    const up = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${secretCase.id}/documents?fileName=${encodeURIComponent('patient-anna-andersson.txt')}`,
      as: blekinge,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('Hemligt underlag\n'),
    });
    expect(up.statusCode, up.body).toBe(201);
    documentId = up.json().id;
  });

  it('a role that may not read secret material cannot lift the marking (403), and the document stays closed', async () => {
    const before = await auditCount();
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/cases/${secretCase.id}`,
      as: sodra,
      payload: { version: secretCase.version, secret: false },
    });
    expect(res.statusCode, res.body).toBe(403);
    expect(await auditCount()).toBe(before);
    const download = await t.request({ method: 'GET', url: `/api/v1/case-documents/${documentId}/content`, as: sodra });
    expect(download.statusCode).toBe(403);
  });

  it('nor change the secrecy ground, nor blindly overwrite the subject and sender it sees masked', async () => {
    for (const payload of [{ secrecyGround: 'OSL 21 kap. 1 §' }, { subject: 'Ny mening' }, { sender: 'Någon annan' }]) {
      const res = await t.request({
        method: 'PATCH',
        url: `/api/v1/cases/${secretCase.id}`,
        as: sodra,
        payload: { version: secretCase.version, ...payload },
      });
      expect(res.statusCode, JSON.stringify(payload)).toBe(403);
    }
  });

  it('it still assigns the case when it sends the marking back unchanged (as the case page does)', async () => {
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/cases/${secretCase.id}`,
      as: sodra,
      payload: { version: secretCase.version, dueDate: null, secret: true, secrecyGround: 'OSL 25 kap. 1 §' },
    });
    expect(res.statusCode, res.body).toBe(200);
    secretCase.version = res.json().version;
  });

  it('the case detail, the list and the documents hide the sender and file names from such a role', async () => {
    const detail = (await t.request({ method: 'GET', url: `/api/v1/cases/${secretCase.id}`, as: sodra })).json();
    expect(detail.sender).not.toContain('Inspektionen');
    expect(detail.subject).not.toContain('Hemlig');
    const list = (await t.request({ method: 'GET', url: '/api/v1/cases?region=10', as: sodra })).json();
    const row = list.items.find((c: { id: string }) => c.id === secretCase.id);
    expect(row.sender).not.toContain('Inspektionen');
    const docs = (await t.request({ method: 'GET', url: `/api/v1/cases/${secretCase.id}/documents`, as: sodra })).json();
    expect(docs.items).toHaveLength(1);
    expect(docs.items[0].fileName).not.toContain('anna');
  });

  it('the region itself sees them, and may lift the marking', async () => {
    const detail = (await t.request({ method: 'GET', url: `/api/v1/cases/${secretCase.id}`, as: blekinge })).json();
    expect(detail.sender).toBe('Inspektionen för vård och omsorg');
    const docs = (await t.request({ method: 'GET', url: `/api/v1/cases/${secretCase.id}/documents`, as: blekinge })).json();
    expect(docs.items[0].fileName).toBe('patient-anna-andersson.txt');
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/cases/${secretCase.id}`,
      as: blekinge,
      payload: { version: secretCase.version, secret: false },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().secret).toBe(false);
  });
});

describe("finding 3: another region's objects are not accepted by id", () => {
  const refused = async (method: 'POST' | 'PATCH', url: string, payload: Record<string, unknown>, what = 'Personen') => {
    const before = await auditCount();
    const res = await t.request({ method, url, as: kalmar, payload });
    expect(res.statusCode, `${method} ${url} → ${res.body}`).toBe(404);
    expect(res.json().detail).toContain(what);
    expect(await auditCount(), `${method} ${url} wrote nothing`).toBe(before);
  };

  it('Kalmar gets 404 on the Blekinge person itself', async () => {
    const res = await t.request({ method: 'GET', url: `/api/v1/people/${blekingePerson.id}`, as: kalmar });
    expect(res.statusCode).toBe(404);
  });

  it('cannot register them as a compensation participant', async () => {
    await refused('POST', '/api/v1/compensation/participants', {
      personId: blekingePerson.id,
      groupId: kalmarGroup,
      recruitedOn: today,
      recruitedBy: 'Processtöd',
    });
    const exported = await t.request({ method: 'GET', url: '/api/v1/compensation/payroll-export', as: kalmar });
    expect(exported.body).not.toContain(blekingePerson.email!);
  });

  it('cannot appoint them to a group, nor nominate them', async () => {
    await refused('POST', `/api/v1/groups/${kalmarGroup}/memberships`, {
      personId: blekingePerson.id,
      role: 'ledamot',
      startDate: today,
    });
    await refused('POST', `/api/v1/groups/${kalmarGroup}/nominations`, {
      personId: blekingePerson.id,
      nominatingOrganisation: 'Region Kalmar län',
      nominatingOrganisationType: 'region',
      nominatedBy: 'Samordnare',
      role: 'ledamot',
      startDate: today,
    });
  });

  it('cannot make them a case handler or the owner of an action', async () => {
    const c = (await t.request({ method: 'GET', url: `/api/v1/cases/${kalmarCase}`, as: kalmar })).json();
    await refused('PATCH', `/api/v1/cases/${kalmarCase}`, { version: c.version, handlerPersonId: blekingePerson.id });
    await refused('POST', `/api/v1/cases/${kalmarCase}/actions`, { title: 'Gör något', ownerPersonId: blekingePerson.id });
  });

  it("cannot link a case to another region's case, nor to a support or round that does not exist", async () => {
    const blekingeCase = (await buildCase(t.db, { region: '10' })).id;
    await refused('POST', `/api/v1/cases/${kalmarCase}/links`, { targetType: 'case', targetId: blekingeCase }, 'Ärendet');
    const nothing = '00000000-0000-4000-8000-000000000001';
    await refused(
      'POST',
      `/api/v1/cases/${kalmarCase}/links`,
      { targetType: 'knowledge-support', targetId: nothing },
      'Kunskapsstödet',
    );
    await refused(
      'POST',
      `/api/v1/cases/${kalmarCase}/links`,
      { targetType: 'consultation', targetId: nothing },
      'Remissomgången',
    );
    const support = await buildKnowledgeSupport(t.db);
    const ok = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${kalmarCase}/links`,
      as: kalmar,
      payload: { targetType: 'knowledge-support', targetId: support.id },
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('POST /people answers an address registered elsewhere exactly as one in the own register', async () => {
    const own = await buildPerson(t.db, { homeOwner: '08' });
    const ask = (email: string) =>
      t.request({ method: 'POST', url: '/api/v1/people', as: kalmar, payload: { name: 'Ny', email, homeOwner: '08' } });
    const before = await auditCount();
    const elsewhere = await ask(blekingePerson.email!);
    const mine = await ask(own.email!);
    expect(elsewhere.statusCode).toBe(mine.statusCode);
    const strip = (b: string, email: string) =>
      JSON.stringify({ ...JSON.parse(b), instance: undefined }).replace(email, '<e-post>');
    expect(strip(elsewhere.body, blekingePerson.email!)).toBe(strip(mine.body, own.email!));
    expect(elsewhere.body).not.toContain(blekingePerson.id);
    expect(await auditCount()).toBe(before);
  });

  it('the own region still uses its own people', async () => {
    const own = await buildDeclaredPerson(t.db, { homeOwner: '08' });
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/groups/${kalmarGroup}/memberships`,
      as: kalmar,
      payload: { personId: own.id, role: 'ledamot', startDate: today },
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe("finding 7: a group's parent", () => {
  const create = (as: Session, owner: string, level: string, parentGroupId: string) =>
    t.request({
      method: 'POST',
      url: '/api/v1/groups',
      as,
      payload: {
        kind: 'working-group',
        level,
        owner,
        name: `Undergrupp ${Math.random()}`,
        parentGroupId,
        parentRelation: 'reports-to',
      },
    });

  it("a region's samordnare cannot place a group under another region's group (404, nothing written)", async () => {
    const blekingeGroup = (await buildGroup(t.db, { kind: 'working-group', level: 'region', owner: '10' })).id;
    const before = await auditCount();
    const res = await create(kalmar, '08', 'region', blekingeGroup);
    expect(res.statusCode, res.body).toBe(404);
    expect(await auditCount()).toBe(before);
  });

  it('the parent is of the same owner or the body just above it', async () => {
    const sydostra = (await buildGroup(t.db, { kind: 'council', level: 'healthcare-region', owner: 'sydostra' })).id;
    expect((await create(kalmar, '08', 'region', sydostra)).statusCode).toBe(201);
    expect((await create(kalmar, '08', 'region', kalmarGroup)).statusCode).toBe(201);
    // Södra reaches Blekinge's groups, but a healthcare-region group does not report to one below it.
    const blekingeGroup = (await buildGroup(t.db, { kind: 'working-group', level: 'region', owner: '10' })).id;
    const down = await create(sodra, 'sodra', 'healthcare-region', blekingeGroup);
    expect(down.statusCode, down.body).toBe(422);
  });
});
