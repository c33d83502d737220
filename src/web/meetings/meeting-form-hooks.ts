/**
 * The meeting page's react-hook-form forms: the route's own body schema checks the values before
 * anything is sent (schemaResolver, the server's messages), the write is a `$api.useMutation`
 * sent through the page's `run` (which announces the outcome and refetches the meeting), a
 * refused request's field errors go on the same fields, the first wrong field takes focus (the
 * fields are bound with useController, so react-hook-form knows their elements), and focus comes
 * back to the button after the write.
 */
import type { FormEvent } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import type { TSchema } from 'typebox';
import { asApiError } from '../api';
import { queryClient } from '../client';
import { useFocusReturn } from '../consultations/shared';
import { applyServerErrors, schemaResolver } from '../forms';
import { useI18n } from '../i18n';
import type { Run } from './meeting-form';

/**
 * A form checked by a route's body schema; `toBody` turns the values into the body sent. A form
 * that edits what the meeting shows passes `values` instead of defaults: when the refetched
 * meeting has other values (a save, someone else's edit), the form takes them, and the form stays
 * mounted so keyboard focus stays where it was.
 */
export function useMeetingForm<V extends FieldValues, B>(
  schema: TSchema,
  toBody: (values: V) => B,
  defaults: DefaultValues<V>,
  opts: { values?: V } = {},
) {
  const { lang } = useI18n();
  return useForm<V>({
    resolver: schemaResolver(schema, toBody, lang),
    defaultValues: defaults,
    ...(opts.values ? { values: opts.values } : {}),
  });
}

/**
 * A mutation's options for a meeting write: what other pages show of meetings, forums, cases
 * and decisions is stale afterwards (refetched when next shown); the page's `run` refetches the
 * meeting itself.
 */
const STALE_AFTER_MEETING_WRITE = ['/meetings', '/forums', '/cases', '/case-register', '/decisions'];
export const meetingWrite = {
  onSuccess: () =>
    queryClient.invalidateQueries({
      predicate: (q) =>
        typeof q.queryKey[1] === 'string' && STALE_AFTER_MEETING_WRITE.some((p) => String(q.queryKey[1]).startsWith(p)),
      refetchType: 'none',
    }),
};

/**
 * The form's onSubmit: once the schema accepts the values, `send` runs through the page's `run`
 * with `done` as its message; a refusal puts its field errors on the fields; the form is reset
 * after a write that went through when `reset` is asked for.
 */
export function useMeetingSubmit<V extends FieldValues>(
  form: UseFormReturn<V>,
  run: Run,
  send: (values: V) => Promise<unknown>,
  done: string,
  opts: { reset?: boolean } = {},
): (e: FormEvent) => void {
  const rememberFocus = useFocusReturn(form.formState.isSubmitting);
  const submit = form.handleSubmit(async (values) => {
    const ok = await run(
      () => send(values),
      done,
      (err) => {
        if (!applyServerErrors(err, form.setError)) return;
        const first = asApiError(err).errors[0]!.path.replace(/^\//, '').split('/')[0]!;
        form.setFocus(first as Path<V>);
      },
    );
    if (ok && opts.reset) form.reset();
  });
  return (e) => {
    rememberFocus();
    void submit(e);
  };
}
