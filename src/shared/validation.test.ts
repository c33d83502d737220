import { describe, expect, it } from 'vitest';
import type { ErrorObject } from 'ajv';
import { fieldErrors } from './validation.js';

const typeError = (path: string, type: string): ErrorObject => ({
  keyword: 'type',
  instancePath: path,
  schemaPath: '#/type',
  params: { type },
  message: `must be ${type}`,
});

describe('a value of the wrong type', () => {
  it('is named in Swedish, not as the schema’s English type', () => {
    expect(fieldErrors([typeError('/limit', 'integer')], 'sv')).toEqual([{ path: 'limit', message: 'ska vara ett heltal' }]);
    expect(fieldErrors([typeError('/title', 'string')], 'sv')[0]!.message).toBe('ska vara en text');
    expect(fieldErrors([typeError('/due', 'string,null')], 'sv')[0]!.message).toBe('ska vara en text eller null');
    expect(fieldErrors([typeError('/x', 'integer,string,null')], 'sv')[0]!.message).toBe(
      'ska vara ett heltal, en text eller null',
    );
  });

  it('is named in English when English is asked for', () => {
    expect(fieldErrors([typeError('/limit', 'integer')], 'en')).toEqual([{ path: 'limit', message: 'must be a whole number' }]);
  });
});

describe('a value outside its limits', () => {
  const limitError = (keyword: string, limit: number): ErrorObject => ({
    keyword,
    instancePath: '/limit',
    schemaPath: `#/${keyword}`,
    params: { limit, comparison: '>=' },
    message: `must be >= ${limit}`,
  });

  it('says the limit in the house’s words', () => {
    expect(fieldErrors([limitError('minimum', 1)], 'sv')).toEqual([{ path: 'limit', message: 'ska vara minst 1' }]);
    expect(fieldErrors([limitError('maximum', 50000)], 'sv')[0]!.message).toBe('ska vara högst 50000');
    expect(fieldErrors([limitError('maxLength', 200)], 'sv')[0]!.message).toBe('får ha högst 200 tecken');
    expect(fieldErrors([limitError('minimum', 1)], 'en')[0]!.message).toBe('must be at least 1');
    // The empty text keeps its own, plainer message.
    expect(fieldErrors([limitError('minLength', 1)], 'sv')[0]!.message).toBe('får inte vara tomt');
  });
});
