import type { ErrorObject } from 'ajv';
import * as localizeSvModule from 'ajv-i18n/localize/sv/index.js';
/**
 * The messages of Navet's validation, shared by the server (every route's schema through ajv,
 * platform/http/validation.ts) and the web forms (src/web/forms.ts, through TypeBox's checker,
 * which needs no eval and so runs under the UI's Content-Security-Policy): the same
 * control-character rule and the same Swedish messages, so a form says what the API would say.
 */

/** A field's problem: where (a dot path) and what, in words a person reads. */
export interface FieldError {
  path: string;
  message: string;
}

// ajv-formats ships CommonJS with a default export; under NodeNext it arrives wrapped.
type Localize = (errors: ErrorObject[]) => void;
const localizeSv: Localize =
  (localizeSvModule as unknown as { default: { default?: Localize } & Localize }).default.default ??
  (localizeSvModule as unknown as { default: Localize }).default;

/**
 * C0 control characters other than tab, newline and carriage return, and UTF-16 surrogates
 * that are not part of a pair. PostgreSQL stores neither (NUL is not allowed in text, a lone
 * surrogate has no UTF-8 form), nor does any field of ours mean them.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The keyword of the errors below; fieldErrors gives it a message of its own. */
export const CONTROL_KEYWORD = 'controlCharacter';

/** Errors, in ajv's shape, for every string (and object key) under `data` with a control character. */
export function controlCharacterErrors(data: unknown, path = '', out: ErrorObject[] = []): ErrorObject[] {
  if (typeof data === 'string') {
    if (CONTROL.test(data)) out.push({ keyword: CONTROL_KEYWORD, instancePath: path, schemaPath: '#', params: {} });
  } else if (Array.isArray(data)) {
    data.forEach((v, i) => controlCharacterErrors(v, `${path}/${i}`, out));
  } else if (data && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) {
      const at = `${path}/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (CONTROL.test(k)) out.push({ keyword: CONTROL_KEYWORD, instancePath: at, schemaPath: '#', params: {} });
      else controlCharacterErrors(v, at, out);
    }
  }
  return out;
}

function pathOf(e: ErrorObject): string {
  const base = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const extra =
    e.keyword === 'additionalProperties'
      ? (e.params as { additionalProperty: string }).additionalProperty
      : e.keyword === 'required'
        ? (e.params as { missingProperty: string }).missingProperty
        : '';
  return [base, extra].filter(Boolean).join('.') || '(rot)';
}

/** ajv errors → field errors a person can read, in Swedish unless English was asked for. */
export function fieldErrors(errors: ErrorObject[], lang: 'sv' | 'en'): FieldError[] {
  const copy = errors.map((e) => ({ ...e }));
  if (lang === 'sv') localizeSv(copy);
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of copy) {
    if (e.keyword === 'if' || e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    const path = pathOf(e);
    let message = e.message ?? 'ogiltigt värde';
    if (e.keyword === 'additionalProperties') message = lang === 'sv' ? 'okänt fält' : 'unknown field';
    if (e.keyword === 'required') message = lang === 'sv' ? 'obligatoriskt fält saknas' : 'is required';
    if (e.keyword === 'minLength' && (e.params as { limit?: number }).limit === 1)
      message = lang === 'sv' ? 'får inte vara tomt' : 'must not be empty';
    if (e.keyword === CONTROL_KEYWORD) {
      message =
        lang === 'sv'
          ? 'innehåller styrtecken som inte är tillåtna (till exempel NUL); tabb och radbrytning går bra'
          : 'contains a control character that is not allowed (such as NUL); tab and line breaks are fine';
    }
    if (e.keyword === 'format' && (e.params as { format?: string }).format === 'date') {
      message = lang === 'sv' ? 'ska vara ett giltigt datum på formen ÅÅÅÅ-MM-DD' : 'must be a valid date YYYY-MM-DD';
    }
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, message });
  }
  return out;
}
