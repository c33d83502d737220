import fc from 'fast-check';

/**
 * Arbitraries made from the JSON schemas of the OpenAPI document: valid values, and the
 * hostile and wrong ones the fuzz suite mixes in.
 */
export type Schema = Record<string, unknown>;
export type Resolve = (ref: string) => Schema;

/** Swedish text and Unicode that breaks naive code: RTL overrides, NUL, lone surrogates, emoji, combining marks. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  'Åsa Öberg-Ängström',
  'ÅÄÖ åäö Ææ Øø é ü',
  'Region Jönköpings län – Hälso- och sjukvård',
  '\u202Eevil\u202C.exe',
  '\u200F\u202Bמימין לשמאל\u202C',
  'a\u0000b',
  '\u0000',
  '\uD800',
  'x\uDFFFy',
  '😀👩‍⚕️🇸🇪',
  'e\u0301\u0308\u0323\u0336 Z̴̛̗a̸͓l̶̠g̵̣o̷̘',
  '\uFEFF\u200B\u2060',
  '\r\nSet-Cookie: navet_session=x',
  '<script>alert(1)</script>',
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '${jndi:ldap://x/a}',
  '{{7*7}}',
  '=HYPERLINK("http://x","y")',
  '@SUM(1+1)',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e309',
  '0x7fffffff',
  '9007199254740993',
  '\t\n\v\f',
  'ﬀ ǅ ẞ ß İ ı',
  '٣٤٥ ١٢',
  '199001019802',
  'x'.repeat(10_001),
];

export const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);

/** A value of the wrong type for almost any field. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant({}),
  fc.constant([]),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), hostileString, { maxKeys: 3 }),
  hostileString,
  fc.constant(Number.MAX_SAFE_INTEGER),
  fc.constant(-1),
);

const day = fc
  .integer({ min: -4000, max: 6000 })
  .map((d) => new Date(Date.UTC(2020, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));

function stringArb(s: Schema): fc.Arbitrary<string> {
  const min = (s.minLength as number | undefined) ?? 0;
  const max = Math.min((s.maxLength as number | undefined) ?? 60, 60);
  switch (s.format) {
    case 'uuid':
      return fc.uuid();
    case 'date':
      return day;
    case 'date-time':
      return fc
        .date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress().filter((e) => e.length <= ((s.maxLength as number | undefined) ?? 254));
    default:
  }
  if (typeof s.pattern === 'string') {
    try {
      return fc
        .stringMatching(new RegExp(s.pattern))
        .filter((v) => v.length >= min && v.length <= ((s.maxLength as number) ?? 1e9));
    } catch {
      // An unsupported pattern: fall through to plain text.
    }
  }
  return fc
    .oneof(
      fc.string({ minLength: min, maxLength: Math.max(min, max) }),
      fc
        .constantFrom('Åsa Öberg', 'Kunskapsstöd för äldre', 'Region Kronoberg', 'Hälsa – vård')
        .filter((v) => v.length >= min && v.length <= max),
    )
    .filter((v) => v.length >= min);
}

/** A value valid for the schema (as far as generation can tell; the server decides). */
export function fromSchema(s: Schema | undefined, resolve: Resolve, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 6) return fc.constant(null);
  if (typeof s.$ref === 'string') return fromSchema(resolve(s.$ref), resolve, depth + 1);
  if (s.const !== undefined) return fc.constant(s.const);
  if (Array.isArray(s.enum) && s.enum.length) return fc.constantFrom(...(s.enum as unknown[]));
  const alternatives = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (Array.isArray(alternatives) && alternatives.length) {
    return fc.oneof(...alternatives.map((a) => fromSchema(a, resolve, depth + 1)));
  }
  if (Array.isArray(s.allOf) && s.allOf.length) return fromSchema(s.allOf[0] as Schema, resolve, depth + 1);
  const type: string = Array.isArray(s.type) ? String(s.type[0]) : typeof s.type === 'string' ? s.type : '';
  switch (type) {
    case 'string':
      return stringArb(s);
    case 'integer':
      return fc.integer({
        min: (s.minimum as number | undefined) ?? -1000,
        max: (s.maximum as number | undefined) ?? 100_000,
      });
    case 'number':
      return fc.double({
        min: (s.minimum as number | undefined) ?? -1e6,
        max: (s.maximum as number | undefined) ?? 1e6,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const item = fromSchema(s.items as Schema | undefined, resolve, depth + 1);
      const minLength = (s.minItems as number | undefined) ?? 0;
      const maxLength = Math.max(minLength, Math.min((s.maxItems as number | undefined) ?? 3, 3));
      return s.uniqueItems
        ? fc.uniqueArray(item, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
        : fc.array(item, { minLength, maxLength });
    }
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const required = (s.required ?? []) as string[];
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) model[k] = fromSchema(v, resolve, depth + 1);
      return fc.record(model, { requiredKeys: required.filter((k) => k in props) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Raw JSON texts that try prototype pollution, merged into an otherwise valid object. */
export function pollute(body: unknown, how: 'proto' | 'constructor' | 'nested'): string {
  const json = JSON.stringify(body && typeof body === 'object' && !Array.isArray(body) ? body : {});
  const inner = json === '{}' ? '' : `,${json.slice(1, -1)}`;
  const payload =
    how === 'proto'
      ? `"__proto__":{"polluted":"ja","isAdmin":true,"roles":["admin"]}`
      : how === 'constructor'
        ? `"constructor":{"prototype":{"polluted":"ja"}}`
        : `"x":{"__proto__":{"polluted":"ja"},"constructor":{"prototype":{"polluted":"ja"}}}`;
  return `{${payload}${inner}}`;
}

/** Fields a mass-assignment attack would try. */
export const EXTRA_FIELDS: Record<string, unknown>[] = [
  { id: '00000000-0000-4000-8000-000000000000' },
  { version: 999_999 },
  { createdAt: '1970-01-01T00:00:00Z', updatedAt: '1970-01-01T00:00:00Z' },
  { isAdmin: true, roles: [{ role: 'admin', scopeType: 'system', scopeId: '' }] },
  { userId: '00000000-0000-4000-8000-000000000000', ownerId: 'x' },
  { status: 'approved', decidedAt: '2020-01-01' },
  { region: '07', owner: 'national' },
  { 'ett helt okänt fält': 'värde' },
];

/**
 * Control characters for the sweep over every string field and query parameter: NUL, the other
 * C0 controls a text field never means (tab, newline and carriage return are allowed), and lone
 * surrogates (JSON can carry them, "\ud800"; a URL cannot).
 */
export const C0_CONTROLS = ['\u0001', '\u0007', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F'];
export function controlValues(i: number, where: 'body' | 'query'): string[] {
  const values = ['a\u0000b', `a${C0_CONTROLS[i % C0_CONTROLS.length]!}b`];
  if (where === 'body') values.push(i % 2 ? 'a\uDFFF' : '\uD800b');
  return values;
}

export type FieldPath = (string | number)[];

/** The paths of every free-text string field of a schema (enums and constants left out), arrays as index 0. */
export function stringFields(s: Schema | undefined, resolve: Resolve, path: FieldPath = [], depth = 0): FieldPath[] {
  if (!s || depth > 6) return [];
  if (typeof s.$ref === 'string') return stringFields(resolve(s.$ref), resolve, path, depth + 1);
  const alternatives = (s.anyOf ?? s.oneOf ?? s.allOf) as Schema[] | undefined;
  if (Array.isArray(alternatives)) {
    const seen = new Set<string>();
    return alternatives
      .flatMap((a) => stringFields(a, resolve, path, depth + 1))
      .filter((p) => !seen.has(JSON.stringify(p)) && seen.add(JSON.stringify(p)));
  }
  if (s.const !== undefined || Array.isArray(s.enum)) return [];
  const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
  const out: FieldPath[] = [];
  if (types.includes('string')) out.push(path);
  if (types.includes('object')) {
    for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, Schema>))
      out.push(...stringFields(v, resolve, [...path, k], depth + 1));
  }
  if (types.includes('array')) out.push(...stringFields(s.items as Schema | undefined, resolve, [...path, 0], depth + 1));
  return out;
}

/** A copy of `body` with `value` at `path`, creating the objects and arrays on the way. */
export function withValueAt(body: unknown, path: FieldPath, value: unknown): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path as [string | number, ...FieldPath];
  if (typeof head === 'number') {
    const list: unknown[] = Array.isArray(body) ? [...(body as unknown[])] : [];
    list[head] = withValueAt(list[head], rest, value);
    return list;
  }
  const obj: Record<string, unknown> = body && typeof body === 'object' && !Array.isArray(body) ? { ...body } : {};
  obj[head] = withValueAt(obj[head], rest, value);
  return obj;
}
