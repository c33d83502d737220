/**
 * Forms' fields on react-hook-form: the house's controlled fields (TextField,
 * SelectField …) take `value`, `onChange` and `error`; `bind` gives them from the form, with
 * the error from the schema resolver or the server (applyServerErrors).
 */
import type { FieldErrors, FieldValues, Path, PathValue, Resolver, UseFormReturn } from 'react-hook-form';

export function bind<V extends FieldValues, N extends Path<V>>(form: UseFormReturn<V>, name: N) {
  return {
    value: (form.watch(name) ?? '') as string,
    onChange: (v: string) => form.setValue(name, v as PathValue<V, N>, { shouldDirty: true }),
    error: fieldError(form.formState.errors, name),
  };
}

/**
 * A field's message among a form's errors. Resolvers give a nested field's error under its
 * dotted name ("interests.0.description"), setError nests it; both are found.
 */
export function fieldError(errors: FieldErrors, name: string): string | undefined {
  const flat = (errors as Record<string, { message?: unknown } | undefined>)[name];
  const nested = flat ?? name.split('.').reduce<unknown>((e, k) => (e as Record<string, unknown> | undefined)?.[k], errors);
  const message = (nested as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

/** Every field error of a form as [dotted name, message], nested ones included, in the form's order. */
export function flatErrors(errors: object, at = ''): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, e] of Object.entries(errors as Record<string, unknown>)) {
    if (!e || typeof e !== 'object') continue;
    const name = at ? `${at}.${k}` : k;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && message) out.push([name, message]);
    else if (k !== 'ref') out.push(...flatErrors(e, name));
  }
  return out;
}

/**
 * The first field with an error gets focus (react-hook-form's own focus needs registered
 * inputs): `ids` maps the form's field names to the elements' ids, in the form's order.
 */
export function focusFirstError(ids: Record<string, string>) {
  return (errors: FieldErrors) => {
    const first = Object.keys(ids).find((k) => k in errors);
    if (first) document.getElementById(ids[first]!)?.focus();
  };
}

/**
 * The page's own sentences for what is missing (e.g. "Beskriv åtgärden."), asked before the
 * schema: the schema's messages are for everything else.
 */
export function withChecks<V extends FieldValues>(
  resolver: Resolver<V>,
  check: (v: V) => Partial<Record<Path<V>, string | false | undefined>>,
): Resolver<V> {
  return async (values, context, options) => {
    const missing = Object.entries(check(values)).filter((e): e is [string, string] => !!e[1]);
    if (missing.length === 0) return resolver(values, context, options);
    const errors = Object.fromEntries(missing.map(([k, message]) => [k, { type: 'required', message }]));
    return { values: {}, errors: errors as FieldErrors<V> };
  };
}

/** Text from an input as the body sends it: trimmed, or null when empty. */
export const orNull = (s: string | undefined | null): string | null => s?.trim() || null;

/**
 * The error summary's items for a form's field errors: each names the field by its label (never
 * its key) and links to the field's element, whose id is `${prefix}-${name}` with the dotted
 * name's dots as dashes ("jav-interests-0-description").
 */
export function errorItems(
  errors: object,
  prefix: string,
  label: (name: string) => string,
): { fieldId: string; label: string; message: string }[] {
  return flatErrors(errors).map(([name, message]) => ({
    fieldId: `${prefix}-${name.replaceAll('.', '-')}`,
    label: label(name),
    message,
  }));
}
