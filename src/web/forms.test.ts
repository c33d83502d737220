import { describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { applyServerErrors, schemaResolver } from './forms';
import { ApiError } from './api';

const Body = Type.Object(
  { subject: Type.String({ minLength: 1 }), receivedDate: Type.String({ format: 'date' }) },
  {
    additionalProperties: false,
  },
);

describe('forms validated by the API schemas', () => {
  it('says in Swedish what the server would refuse, at the field', async () => {
    const resolve = schemaResolver<{ subject: string; receivedDate: string }>(Body);
    const result = await resolve({ subject: '', receivedDate: '2027-02-30' }, undefined, {
      fields: {},
      shouldUseNativeValidation: false,
    });
    expect(result.errors).toEqual({
      subject: { type: 'schema', message: 'får inte vara tomt' },
      receivedDate: { type: 'schema', message: 'ska vara ett giltigt datum på formen ÅÅÅÅ-MM-DD' },
    });
  });

  it('names formats and patterns in words, never as ajv’s raw “borde matcha”', async () => {
    const Contact = Type.Object({
      email: Type.String({ format: 'email' }),
      regionCode: Type.String({ pattern: '^[0-9]{2}$' }),
      code: Type.String({ pattern: '^[A-Z][0-9]{5}$' }),
    });
    const resolve = schemaResolver<{ email: string; regionCode: string; code: string }>(Contact);
    const result = await resolve({ email: 'anna.region.se', regionCode: '7', code: 'x' }, undefined, {
      fields: {},
      shouldUseNativeValidation: false,
    });
    expect(result.errors).toEqual({
      email: { type: 'schema', message: 'ska vara en e-postadress, till exempel namn@region.se' },
      regionCode: { type: 'schema', message: 'ska vara en tvåsiffrig kod, till exempel 07' },
      code: { type: 'schema', message: 'har inte rätt form' },
    });
  });

  it('refuses a control character as the server does, and passes a good body through', async () => {
    const resolve = schemaResolver<{ subject: string; receivedDate: string }>(Body);
    const opts = { fields: {}, shouldUseNativeValidation: false };
    const bad = await resolve({ subject: 'a\u0000b', receivedDate: '2027-02-28' }, undefined, opts);
    expect(Object.keys(bad.errors)).toEqual(['subject']);
    const good = await resolve({ subject: 'Remiss', receivedDate: '2027-02-28' }, undefined, opts);
    expect(good).toEqual({ values: { subject: 'Remiss', receivedDate: '2027-02-28' }, errors: {} });
  });

  it('puts the server’s field errors on the form', () => {
    const set: [string, string][] = [];
    const placed = applyServerErrors(
      new ApiError({ status: 422, title: 'Ogiltiga uppgifter', errors: [{ path: '/reason', message: 'Ange ett skäl.' }] }),
      (name, e) => set.push([name, e.message ?? '']),
    );
    expect(placed).toBe(true);
    expect(set).toEqual([['reason', 'Ange ett skäl.']]);
  });
});
