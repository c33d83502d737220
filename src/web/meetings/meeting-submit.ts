/**
 * The meeting pages' react-hook-form forms, one way for all of them: the route's own body schema
 * checks the values before anything is sent (schemaResolver, the server's messages), the write is
 * a `$api.useMutation` with `meetingWrite` run through the page's `run` (which announces the
 * outcome and refetches the meeting), a refusal's field errors land on the same fields, the first
 * wrong field takes focus, and focus comes back to the button after the write.
 */
import type { FormEvent } from 'react';
import {
  useForm,
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Path,
  type PathValue,
  type UseFormReturn,
} from 'react-hook-form';
import type { TSchema } from 'typebox';
import { asApiError } from '../api';
import { queryClient } from '../client';
import { bind, focusFirstError } from '../components/form-fields';
import { applyServerErrors, schemaResolver } from '../forms';
import { useFocusReturn } from '../form-submit';
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
 * A meeting write's options for `$api.useMutation`: what other pages show of meetings, forums,
 * cases and decisions is stale afterwards (refetched when next shown); the page's `run`
 * refetches the meeting itself.
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

export interface MeetingSubmitOptions {
  /**
   * The form's field names → their elements' ids, in the form's order, for fields that are not
   * bound with useController (plain inputs through `bind`/`bindLive`); without it the first wrong
   * field is focused through react-hook-form.
   */
  ids?: Record<string, string>;
  /** Empty the form after a write that went through. */
  reset?: boolean;
  /** Runs after a write that went through (after `reset`). */
  after?: () => void;
}

/**
 * The form's onSubmit: once the schema accepts the values, `send` runs through the page's `run`
 * with `done` as its message; a refusal puts its field errors on the fields and focuses the
 * first of them.
 */
export function useMeetingSubmit<V extends FieldValues>(
  form: UseFormReturn<V>,
  run: Run,
  send: (values: V) => Promise<unknown>,
  done: string | ((values: V) => string),
  opts: MeetingSubmitOptions = {},
): (e: FormEvent) => void {
  const rememberFocus = useFocusReturn(form.formState.isSubmitting);
  const focusById = opts.ids ? focusFirst(opts.ids) : undefined;
  const submit = form.handleSubmit(async (values) => {
    const ok = await run(
      () => send(values),
      typeof done === 'string' ? done : done(values),
      (err) => {
        if (!applyServerErrors(err, form.setError)) return;
        const paths = asApiError(err).errors.map((f) => f.path);
        if (focusById) focusById(Object.fromEntries(paths.map((p) => [p, true])));
        else form.setFocus(paths[0]!.replace(/^\//, '').split('/')[0] as Path<V>);
      },
    );
    if (!ok) return;
    if (opts.reset) form.reset();
    opts.after?.();
  }, focusById);
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
