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
 * besides its schema: one rule for every string field, so no field can forget it. The schema is
 * compiled by the first request that needs it (`compile`), not when the app starts; a schema
 * not used yet waits in {@link pendingValidators} for the server's warm-up (lazy-serializers.ts).
 */
function withControlCheck(compile: () => ValidateFunction): ValidateFunction {
  const check = ((data: unknown) => {
    const fn = compile();
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

/** The validators of this process not compiled yet: each compiles itself when called. */
export const pendingValidators = new Set<() => unknown>();

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? strictAjv : coercingAjv;
  const cached = httpPart === 'body' ? cache.get(schema) : undefined;
  if (cached) return cached as ReturnType<FastifySchemaCompiler<object>>;
  let compiled: ValidateFunction | undefined;
  const compile = (): ValidateFunction => {
    if (!compiled) {
      compiled = ajv.compile(schema);
      pendingValidators.delete(compile);
    }
    return compiled;
  };
  pendingValidators.add(compile);
  const fn = withControlCheck(compile);
  if (httpPart === 'body') cache.set(schema, fn);
  return fn as ReturnType<FastifySchemaCompiler<object>>;
};

/** The ids added to both validators, so that each is added once (and not compiled to find out). */
const shared = new Set<string>();

export function registerSharedSchema(schema: object): void {
  const id = (schema as { $id?: string }).$id;
  if (!id || shared.has(id)) return;
  shared.add(id);
  for (const ajv of [strictAjv, coercingAjv]) if (!ajv.schemas[id]) ajv.addSchema(schema);
}
