import { scimInvalid } from '../errors.js';

/**
 * Reading a SCIM resource's attributes, shared by Users and Groups: names are case-insensitive
 * (RFC 7643 §2.1), text is trimmed and bounded, and a resource must name its core schema.
 */

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The attribute `name` of `o`, whatever its case. */
export function attr(o: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(o).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : o[key];
}

/** A string attribute, trimmed; empty or absent is null; another type or too long is refused. */
export function text(v: unknown, path: string, max: number): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw scimInvalid(`${path} ska vara en textsträng.`);
  const t = v.trim();
  if (t.length > max) throw scimInvalid(`${path} får vara högst ${max} tecken.`);
  return t === '' ? null : t;
}

/** Refuses anything but an object naming `schema` among its schemas (a POST or PUT body, or a patched resource). */
export function assertScimResource(
  resource: unknown,
  schema: string,
  kind: 'User' | 'Group',
): asserts resource is Record<string, unknown> {
  if (!isRecord(resource)) throw scimInvalid(`Kroppen ska vara en SCIM ${kind}-resurs (ett JSON-objekt).`, 'invalidSyntax');
  const schemas = attr(resource, 'schemas');
  if (!Array.isArray(schemas) || !schemas.some((s) => typeof s === 'string' && s.toLowerCase() === schema.toLowerCase())) {
    throw scimInvalid(`schemas ska innehålla ${schema}.`, 'invalidSyntax');
  }
}
