import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { renderAtom } from '../src/platform/http/atom.js';
import { buildCase, buildConsultationRound, buildKnowledgeSupport } from '../src/testing/builders.js';
import { useTestApp } from './helpers/app.js';
import { useClock } from './helpers/clock.js';

/**
 * The Atom feeds (RFC 4287) of the catalogue, the consultation rounds and the public diary,
 * parsed with an XML parser: well-formed, in the Atom namespace, with the elements the RFC
 * requires of a feed (id, title, updated, author) and of each entry (id, title, updated, link).
 */
const ATOM = 'http://www.w3.org/2005/Atom';
const INTRANET = 'https://intranat.regionblekinge.se';
const t = useTestApp({ corsOrigins: [INTRANET], publicUrl: 'https://navet.regionblekinge.se' });
useClock('2026-11-26');

interface El {
  name: string;
  uri: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

/** A strict, namespace-aware parse into a small tree; throws on anything not well-formed. */
function parseXml(xml: string): El {
  const parser = new SaxesParser({ xmlns: true });
  const stack: El[] = [];
  let root: El | undefined;
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (node) => {
    const el: El = {
      name: node.local,
      uri: node.uri,
      attrs: Object.fromEntries(Object.values(node.attributes).map((a) => [a.local, a.value])),
      children: [],
      text: '',
    };
    if (stack.length) stack[stack.length - 1]!.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('text', (text) => {
    if (stack.length) stack[stack.length - 1]!.text += text;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  return root!;
}

const child = (el: El, name: string) => el.children.filter((c) => c.name === name && c.uri === ATOM);
const one = (el: El, name: string) => {
  const found = child(el, name);
  expect(found.length, `<${name}> in <${el.name}>`).toBe(1);
  return found[0]!;
};
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Checks what RFC 4287 requires and returns the entries. */
function assertAtom(xml: string): El[] {
  const feed = parseXml(xml);
  expect(feed.name).toBe('feed');
  expect(feed.uri).toBe(ATOM);
  expect(one(feed, 'id').text).toMatch(/^https?:\/\//);
  expect(one(feed, 'title').text.length).toBeGreaterThan(0);
  expect(one(feed, 'updated').text).toMatch(RFC3339);
  expect(child(feed, 'author').length).toBe(1);
  expect(child(feed, 'link').find((l) => l.attrs.rel === 'self')?.attrs.href).toMatch(/\.atom/);
  const entries = child(feed, 'entry');
  for (const e of entries) {
    expect(one(e, 'id').text).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(one(e, 'title').text.length).toBeGreaterThan(0);
    expect(one(e, 'updated').text).toMatch(RFC3339);
    const link = child(e, 'link').find((l) => (l.attrs.rel ?? 'alternate') === 'alternate');
    expect(link?.attrs.href).toMatch(/^https:\/\/navet\.regionblekinge\.se\//);
  }
  const ids = entries.map((e) => one(e, 'id').text);
  expect(new Set(ids).size).toBe(ids.length);
  return entries;
}

describe('Atom rendering', () => {
  it('escapes markup and drops characters XML cannot carry', () => {
    const xml = renderAtom({
      id: 'https://navet.example/feed.atom',
      title: 'Test & <prov>',
      self: 'https://navet.example/feed.atom?a=1&b=2',
      alternate: 'https://navet.example/',
      author: 'Navet',
      entries: [
        {
          id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
          title: 'Hjärtsvikt "nydebuterad" <b>\u0007</b> & \'KOL\'',
          updated: new Date('2026-11-02T09:00:00.123Z'),
          link: 'https://navet.example/kunskapsstod/stod/1?x=<y>',
        },
      ],
    });
    const [entry] = assertAtom(xml.replaceAll('navet.example', 'navet.regionblekinge.se'));
    expect(one(entry!, 'title').text).toBe('Hjärtsvikt "nydebuterad" <b></b> & \'KOL\'');
    expect(one(entry!, 'updated').text).toBe('2026-11-02T09:00:00Z');
  });
});

describe('the feeds', () => {
  it('the catalogue feed lists supports newest change first, with CORS and 304', async () => {
    const older = await buildKnowledgeSupport(t.db, { title: 'Nationellt vårdprogram Astma', summary: 'Astma hos vuxna & barn' });
    const newer = await buildKnowledgeSupport(t.db, { title: 'Vårdförlopp Hjärtsvikt – nydebuterad' });
    await t.db.query(`UPDATE knowledge_supports SET updated_at = '2026-11-02T09:00:00Z' WHERE id = $1`, [older.id]);
    await t.db.query(`UPDATE knowledge_supports SET updated_at = '2026-11-20T09:00:00Z' WHERE id = $1`, [newer.id]);
    const res = await t.request({ method: 'GET', url: '/api/v1/feeds/knowledge-supports.atom', headers: { origin: INTRANET } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe(INTRANET);
    const entries = assertAtom(res.body);
    expect(entries.map((e) => one(e, 'id').text)).toEqual([`urn:uuid:${newer.id}`, `urn:uuid:${older.id}`]);
    expect(one(entries[1]!, 'summary').text).toMatch(/Astma hos vuxna & barn/);
    expect(one(parseXml(res.body), 'updated').text).toBe('2026-11-20T09:00:00Z');
    const again = await t.request({
      method: 'GET',
      url: '/api/v1/feeds/knowledge-supports.atom',
      headers: { origin: INTRANET, 'if-none-match': res.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
  });

  it('the rounds feed has one entry per round, naming its track and window', async () => {
    const round = await buildConsultationRound(t.db);
    const res = await t.request({ method: 'GET', url: '/api/v1/feeds/consultation-rounds.atom' });
    expect(res.statusCode).toBe(200);
    const entries = assertAtom(res.body);
    const entry = entries.find((e) => one(e, 'id').text === `urn:uuid:${round.id}`)!;
    expect(one(entry, 'summary').text).toContain(`${round.opensOn}–${round.closesOn}`);
  });

  it("the diary feed shows a region's cases with secret ones masked", async () => {
    const open = await buildCase(t.db, {
      region: '10',
      subject: 'Remiss: Nationellt vårdprogram KOL',
      receivedDate: '2026-11-02',
    });
    const secret = await buildCase(t.db, { region: '10', subject: 'Patientklagomål Karlskrona', receivedDate: '2026-11-03' });
    await t.db.query(`UPDATE cases SET secret = true, secrecy_ground = '25 kap. 1 § OSL' WHERE id = $1`, [secret.id]);
    const res = await t.request({ method: 'GET', url: '/api/v1/feeds/case-register.atom?region=10' });
    expect(res.statusCode).toBe(200);
    const entries = assertAtom(res.body);
    const titles = entries.map((e) => one(e, 'title').text);
    expect(titles).toContain(`${open.caseNumber}: Remiss: Nationellt vårdprogram KOL`);
    expect(titles).toContain(`${secret.caseNumber}: Sekretessmarkerat ärende`);
    expect(res.body).not.toContain('Karlskrona');
    expect((await t.request({ method: 'GET', url: '/api/v1/feeds/case-register.atom?region=99' })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/v1/feeds/case-register.atom' })).statusCode).toBe(400);
  });
});
