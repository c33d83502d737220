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

type Messages = Record<'sv' | 'en', string>;

/** What a person reads for a string that is not of its format (ajv says "borde matcha formatet"). */
const FORMAT_MESSAGES: Record<string, Messages> = {
  date: { sv: 'ska vara ett giltigt datum på formen ÅÅÅÅ-MM-DD', en: 'must be a valid date YYYY-MM-DD' },
  'date-time': {
    sv: 'ska vara en tidpunkt på formen ÅÅÅÅ-MM-DDTtt:mm:ssZ',
    en: 'must be a date and time YYYY-MM-DDThh:mm:ssZ',
  },
  email: { sv: 'ska vara en e-postadress, till exempel namn@region.se', en: 'must be an e-mail address, such as name@region.se' },
  uuid: { sv: 'ska vara ett id från Navet (UUID)', en: 'must be a Navet id (UUID)' },
  uri: { sv: 'ska vara en fullständig webbadress', en: 'must be a full web address' },
};

/**
 * The patterns a person can meet in a form, in words; any other pattern gets a plain "not in
 * the expected form" rather than the regular expression itself.
 */
const PATTERN_MESSAGES: Record<string, Messages> = {
  '^[0-9]{2}$': { sv: 'ska vara en tvåsiffrig kod, till exempel 07', en: 'must be a two-digit code, such as 07' },
  '^https?://[^\\s]+$': {
    sv: 'ska vara en webbadress som börjar med https:// eller http://',
    en: 'must be a web address starting with https:// or http://',
  },
  '^https://': { sv: 'ska vara en webbadress som börjar med https://', en: 'must be a web address starting with https://' },
  '^([01][0-9]|2[0-3]):[0-5][0-9]$': { sv: 'ska vara ett klockslag på formen tt:mm', en: 'must be a time hh:mm' },
  '^[A-Za-z0-9._-]{1,40}$': {
    sv: 'får bara innehålla bokstäver (a–z), siffror, punkt, bindestreck och understreck, utan mellanslag',
    en: 'may hold only letters (a–z), digits, dot, hyphen and underscore, without spaces',
  },
  '^[0-9]{4}$': { sv: 'ska vara ett årtal med fyra siffror', en: 'must be a four-digit year' },
  '^[0-9]{4}(-[0-9]{2}|-Q[1-4]|-H[12])?$': {
    sv: 'ska vara en period: år (2026), månad (2026-03), kvartal (2026-Q1) eller halvår (2026-H1)',
    en: 'must be a period: year (2026), month (2026-03), quarter (2026-Q1) or half-year (2026-H1)',
  },
};

/** What a JSON type is called in a message ("ska vara ett heltal"), ajv-i18n leaving it in English. */
const TYPE_NAMES: Record<string, { sv: string; en: string }> = {
  integer: { sv: 'ett heltal', en: 'a whole number' },
  number: { sv: 'ett tal', en: 'a number' },
  string: { sv: 'en text', en: 'a text' },
  boolean: { sv: 'true eller false', en: 'true or false' },
  array: { sv: 'en lista', en: 'a list' },
  object: { sv: 'ett objekt', en: 'an object' },
  null: { sv: 'null', en: 'null' },
};

function typeMessage(type: unknown, lang: 'sv' | 'en'): string {
  const names = String(type)
    .split(',')
    .map((t) => TYPE_NAMES[t.trim()]?.[lang] ?? t.trim());
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} ${lang === 'sv' ? 'eller' : 'or'} ${names.at(-1)}` : names[0];
  return lang === 'sv' ? `ska vara ${list}` : `must be ${list}`;
}

/** Limits in the house's words ("ska vara minst 1"), where ajv-i18n says "borde vara >= 1". */
const LIMIT_MESSAGES: Record<string, { sv: (n: number) => string; en: (n: number) => string }> = {
  minimum: { sv: (n) => `ska vara minst ${n}`, en: (n) => `must be at least ${n}` },
  maximum: { sv: (n) => `ska vara högst ${n}`, en: (n) => `must be at most ${n}` },
  exclusiveMinimum: { sv: (n) => `ska vara större än ${n}`, en: (n) => `must be greater than ${n}` },
  exclusiveMaximum: { sv: (n) => `ska vara mindre än ${n}`, en: (n) => `must be less than ${n}` },
  minLength: { sv: (n) => `ska ha minst ${n} tecken`, en: (n) => `must have at least ${n} characters` },
  maxLength: { sv: (n) => `får ha högst ${n} tecken`, en: (n) => `must have at most ${n} characters` },
  minItems: { sv: (n) => `ska ha minst ${n} poster`, en: (n) => `must have at least ${n} items` },
  maxItems: { sv: (n) => `får ha högst ${n} poster`, en: (n) => `must have at most ${n} items` },
};

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
    const limit = LIMIT_MESSAGES[e.keyword];
    const bound = (e.params as { limit?: unknown }).limit;
    if (limit && typeof bound === 'number') message = limit[lang](bound);
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
    if (e.keyword === 'type') message = typeMessage((e.params as { type?: unknown }).type, lang);
    if (e.keyword === 'format') message = FORMAT_MESSAGES[(e.params as { format?: string }).format ?? '']?.[lang] ?? message;
    if (e.keyword === 'pattern') {
      const known = PATTERN_MESSAGES[(e.params as { pattern?: string }).pattern ?? ''];
      message = known?.[lang] ?? (lang === 'sv' ? 'har inte rätt form' : 'is not in the expected form');
    }
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, message });
  }
  return out;
}
