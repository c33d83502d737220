/**
 * The meeting pages' react-hook-form forms: the form checks its body with the route's schema
 * (schemaResolver), the write is a `$api.useMutation` run through the page's `run` (which shows
 * the message or the refusal and refetches the meeting), a refusal's field errors land on the
 * fields, the first wrong field takes focus, and focus returns after the write.
 */
import type { FormEvent } from 'react';
import type { FieldErrors, FieldValues, Path, PathValue, UseFormReturn } from 'react-hook-form';
import { asApiError } from '../api';
import { invalidate } from '../client';
import { bind, focusFirstError } from '../components/form-fields';
import { useFocusReturn } from '../consultations/shared';
import { applyServerErrors } from '../forms';
import type { Run } from './meeting-form';

/**
 * A meeting write's other readers: the forum's meeting list and proposal, the decision log.
 * The meeting itself is refetched by the page's `run`.
 */
export const meetingChanged = {
  onSuccess: () => Promise.all([invalidate('/forums/'), invalidate('/decisions')]),
};

/**
 * The form's onSubmit: once the schema accepts the values, `send` goes through `run`; `ids`
 * maps the form's field names to their elements' ids (in the form's order) for focus.
 * `after` runs when the write went through (e.g. to empty the form).
 */
export function useRunSubmit<V extends FieldValues>(
  form: UseFormReturn<V>,
  run: Run,
  send: (values: V) => Promise<unknown>,
  done: string | ((values: V) => string),
  ids: Record<string, string>,
  after?: () => void,
): (e: FormEvent) => void {
  const rememberFocus = useFocusReturn(form.formState.isSubmitting);
  const focus = focusFirst(ids);
  const submit = form.handleSubmit(async (v) => {
    const ok = await run(
      () => send(v),
      typeof done === 'string' ? done : done(v),
      (err) => {
        if (!applyServerErrors(err, form.setError)) return;
        focus(Object.fromEntries(asApiError(err).errors.map((f) => [f.path, true])));
      },
    );
    if (ok) after?.();
  }, focus);
  return (e) => {
    rememberFocus();
    void submit(e);
  };
}

/**
 * The first wrong field takes focus: `ids` maps the form's field names to their elements' ids,
 * in the form's order; an error about a list's item ("blackouts/1/from") counts for its field.
 */
export function focusFirst(ids: Record<string, string>) {
  return (errors: object) => {
    const wrong: FieldErrors = {};
    for (const k of Object.keys(errors)) wrong[k.replace(/^\//, '').split(/[/.]/)[0]!] = { type: 'wrong' };
    focusFirstError(ids)(wrong);
  };
}

/** `bind` whose change checks the field again once the form was sent, so a fixed field's error goes. */
export function bindLive<V extends FieldValues, N extends Path<V>>(form: UseFormReturn<V>, name: N) {
  return {
    ...bind(form, name),
    onChange: (v: string) =>
      form.setValue(name, v as PathValue<V, N>, { shouldDirty: true, shouldValidate: form.formState.isSubmitted }),
  };
}
