import { describe, expect, it } from 'vitest';
import { normaliseDiarienummer, parentCode, settleDocumentRegistration } from './diarium.js';

const today = '2026-11-26';

describe('a document registered in the diarium', () => {
  it('is upprättad, without a party and dated today unless told', () => {
    expect(settleDocumentRegistration({}, today)).toEqual({
      ok: true,
      value: { documentType: null, direction: 'upprattad', counterpart: null, documentDate: today },
    });
  });
  it('names its sender when incoming and its recipient when outgoing', () => {
    expect(settleDocumentRegistration({ direction: 'inkommande' }, today)).toMatchObject({ ok: false });
    expect(settleDocumentRegistration({ direction: 'utgaende', counterpart: '  ' }, today)).toMatchObject({ ok: false });
    expect(settleDocumentRegistration({ direction: 'utgaende', counterpart: ' NPO ' }, today)).toMatchObject({
      ok: true,
      value: { counterpart: 'NPO' },
    });
    expect(settleDocumentRegistration({ direction: 'upprattad', counterpart: 'NPO' }, today)).toMatchObject({ ok: false });
  });
  it('is not dated in the future', () => {
    expect(settleDocumentRegistration({ documentDate: '2026-11-27' }, today)).toMatchObject({ ok: false });
    expect(settleDocumentRegistration({ documentDate: '2026-01-01' }, today)).toMatchObject({ ok: true });
  });
});

describe('classification codes and diarienummer', () => {
  it('finds the parent of a code', () => {
    expect(parentCode('1')).toBeNull();
    expect(parentCode('1.2')).toBe('1');
    expect(parentCode('1.2.3')).toBe('1.2');
  });
  it('trims a diarienummer and reads an empty one as none', () => {
    expect(normaliseDiarienummer(undefined)).toBeUndefined();
    expect(normaliseDiarienummer(null)).toBeNull();
    expect(normaliseDiarienummer('   ')).toBeNull();
    expect(normaliseDiarienummer(' RS 2026/1 ')).toBe('RS 2026/1');
  });
});
