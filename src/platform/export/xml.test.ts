import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { el, renderXml, textEl } from './xml.js';
import { zip } from './zip.js';

describe('the XML builder', () => {
  it('escapes every text and attribute value and drops what XML 1.0 cannot carry', () => {
    const xml = renderXml(el('a', { title: `"<&>'`, skipped: null }, textEl('b', 'x < y & "z"\u0001'), textEl('c', null)));
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<a title="&quot;&lt;&amp;&gt;&apos;">\n  <b>x &lt; y &amp; &quot;z&quot;</b>\n</a>\n',
    );
  });

  it('refuses names that are not XML names', () => {
    expect(() => el('a b')).toThrow();
    expect(() => el('a', { 'x="1"': '' })).toThrow();
    expect(el('csip:x', { 'xlink:href': 'y' }).name).toBe('csip:x');
  });
});

describe('the ZIP writer', () => {
  it('writes stored entries that a ZIP reader opens byte for byte, with UTF-8 names', async () => {
    const data = Buffer.from('Tjänsteskrivelse');
    const body = zip(
      [
        { name: 'p/METS.xml', data: Buffer.from('<mets/>') },
        { name: 'p/data/å.txt', data },
      ],
      new Date('2026-11-26T10:00:00Z'),
    );
    const read = await JSZip.loadAsync(body);
    expect(Object.keys(read.files).sort()).toEqual(['p/METS.xml', 'p/data/å.txt']);
    expect(Buffer.from(await read.file('p/data/å.txt')!.async('uint8array'))).toEqual(data);
    expect(() => zip([{ name: '../x', data }], new Date())).toThrow();
  });
});
