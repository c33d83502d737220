/**
 * Forms' fields on react-hook-form: the house's controlled fields (TextField,
 * SelectField …) take `value`, `onChange` and `error`; `bind` gives them from the form, with
 * the error from the schema resolver or the server (applyServerErrors).
 */
import type { FieldErrors, FieldValues, Path, PathValue, Resolver, UseFormReturn } from 'react-hook-form';

export function bind<V extends FieldValues, N extends Path<V>>(form: UseFormReturn<V>, name: N) {
  const error = name
    .split('.')
    .reduce<unknown>((e, k) => (e as Record<string, unknown> | undefined)?.[k], form.formState.errors) as
    { message?: string } | undefined;
  return {
    value: (form.watch(name) ?? '') as string,
    onChange: (v: string) => form.setValue(name, v as PathValue<V, N>, { shouldDirty: true }),
    error: error?.message,
  };
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
