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
