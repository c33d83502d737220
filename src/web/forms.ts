/**
 * Forms through react-hook-form, validated by the same schemas as the API: a form names the
 * route's body schema (from src/modules/<module>/schemas.ts), and `schemaResolver` checks the
 * body the form would send with the server's own ajv settings and Swedish messages
 * (src/shared/validation.ts). What the server would refuse is shown at the field before the
 * request is sent; what only the server knows (a 409, a rule) comes back as an ApiError and
 * `applyServerErrors` puts its field errors on the same fields.
 *
 * The check is TypeBox's (`Value.Errors`): it reads the same JSON Schema as the server's ajv and
 * reports errors in ajv's shape, and it needs no `eval`, so it runs under the UI's
 * Content-Security-Policy (ajv compiles validators with `new Function`, which the CSP forbids).
 */
import type { FieldErrors, FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { ErrorObject } from 'ajv';
import { asApiError } from './api';
import { controlCharacterErrors, fieldErrors } from '../shared/validation';

/** The schema's errors for a body, in ajv's shape, with the control-character rule added. */
export function bodyErrors(schema: TSchema, body: unknown): ErrorObject[] {
  const out: ErrorObject[] = [];
  for (const e of Value.Errors(schema, body) as unknown as ErrorObject[]) {
    if (e.keyword === 'boolean') continue; // "additionalProperties: false" says it again below
    if (e.keyword === 'additionalProperties') {
      const names = (e.params as { additionalProperties?: string[] }).additionalProperties ?? [];
      for (const name of names) out.push({ ...e, params: { additionalProperty: name } });
      continue;
    }
    out.push(e);
  }
  return [...out, ...controlCharacterErrors(body)];
}

/**
 * A react-hook-form resolver for a route's body schema. `toBody` turns the form's values (text
 * from inputs) into the body the request sends; the errors' paths are the body's, so name the
 * form fields after the body's fields. `lang` follows the UI language.
 */
export function schemaResolver<V extends FieldValues, B = V>(
  schema: TSchema,
  toBody: (values: V) => B = (v) => v as unknown as B,
  lang: 'sv' | 'en' = 'sv',
): Resolver<V> {
  return (values) => {
    const errors = bodyErrors(schema, toBody(values));
    if (!errors.length) return { values, errors: {} };
    return { values: {}, errors: toFormErrors<V>(fieldErrors(errors, lang)) };
  };
}

function toFormErrors<V extends FieldValues>(errors: { path: string; message: string }[]): FieldErrors<V> {
  const out: Record<string, { type: string; message: string }> = {};
  for (const e of errors) out[e.path] ??= { type: 'schema', message: e.message };
  return out as FieldErrors<V>;
}

/** Puts a refused request's field errors on the form's fields; returns whether any was placed. */
export function applyServerErrors<V extends FieldValues>(error: unknown, setError: UseFormSetError<V>): boolean {
  const e = asApiError(error);
  for (const f of e.errors)
    setError(f.path.replace(/^\//, '').replaceAll('/', '.') as Path<V>, { type: 'server', message: f.message });
  return e.errors.length > 0;
}
