import type { FastifySchemaCompiler } from 'fastify';
import type { ValidateFunction } from 'ajv';
import { Ajv } from 'ajv';
import * as addFormatsModule from 'ajv-formats';
import { controlCharacterErrors } from '../../shared/validation.js';

type AddFormats = (ajv: Ajv) => Ajv;
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default: { default?: AddFormats } & AddFormats }).default.default ??
  (addFormatsModule as unknown as { default: AddFormats }).default;

export { CONTROL_KEYWORD, fieldErrors } from '../../shared/validation.js';

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    removeAdditional: false, // unknown fields are errors (mass assignment), never silently dropped
    useDefaults: true,
    coerceTypes: coerce ? 'array' : false,
    strict: false,
  });
  addFormats(ajv);
  // A calendar date must exist: 2027-02-30 is refused.
  ajv.addFormat('date', {
    type: 'string',
    validate: (s: string) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
      if (!m) return false;
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
    },
  });
  return ajv;
}

/**
 * Every part of every route (body, query, path, headers) is checked for control characters
 * besides its schema: one rule for every string field, so no field can forget it.
 */
function withControlCheck(fn: ValidateFunction): ValidateFunction {
  const check = ((data: unknown) => {
    const ok = fn(data);
    const control = controlCharacterErrors(data);
    check.errors = control.length ? [...(fn.errors ?? []), ...control] : fn.errors;
    return ok && !control.length;
  }) as ValidateFunction;
  return check;
}

// Bodies are typed JSON: "5" is not 5. Query strings and path params are text: coerce them.
const strictAjv = makeAjv(false);
const coercingAjv = makeAjv(true);
const cache = new WeakMap<object, ValidateFunction>();

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strictAjv : coercingAjv;
  const cached = httpPart === 'body' ? cache.get(schema) : undefined;
  const fn = cached ?? withControlCheck(ajv.compile(schema));
  if (httpPart === 'body') cache.set(schema, fn);
  return fn as ReturnType<FastifySchemaCompiler<object>>;
};

export function registerSharedSchema(schema: object): void {
  const id = (schema as { $id?: string }).$id;
  for (const ajv of [strictAjv, coercingAjv]) if (id && !ajv.getSchema(id)) ajv.addSchema(schema);
}
