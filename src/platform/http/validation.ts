import type { FastifySchemaCompiler } from 'fastify';
import type { ValidateFunction } from 'ajv';
import { makeAjv, withControlCheck } from '../../shared/validation.js';

export { CONTROL_KEYWORD, fieldErrors } from '../../shared/validation.js';

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
