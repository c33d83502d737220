/**
 * The meetings pages' forms: react-hook-form validated by the route's own body schema
 * (schemaResolver, same messages as the server), with the page's controlled fields. `field`
 * gives a field its value, change handler and error; `submit` sends the body and, when the
 * server refuses it, puts its field errors on the same fields.
 */
import { useState, type BaseSyntheticEvent } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type PathValue } from 'react-hook-form';
import type { TSchema } from 'typebox';
import { asApiError, type ApiError } from '../api';
import { applyServerErrors, schemaResolver } from '../forms';
import { useI18n } from '../i18n';

/** Runs a write and answers whether it went through; `onError` sees a refusal (the page shows it too). */
export type Run = (fn: () => Promise<unknown>, done?: string, onError?: (error: unknown) => void) => Promise<boolean>;

export function useSchemaForm<V extends FieldValues, B>(schema: TSchema, toBody: (values: V) => B, defaults: V) {
  const { lang } = useI18n();
  const form = useForm<V>({
    resolver: schemaResolver(schema, toBody, lang),
    defaultValues: defaults as DefaultValues<V>,
  });
  // The fields are controlled by React state mirrored into the form, so every change renders.
  const [values, setValues] = useState<V>(defaults);
  const field = <K extends Path<V>>(name: K) => ({
    value: values[name] as PathValue<V, K>,
    onChange: (v: PathValue<V, K>) => {
      setValues((old) => ({ ...old, [name]: v }));
      form.setValue(name, v, { shouldValidate: form.formState.isSubmitted });
    },
    error: (form.formState.errors as Record<string, { message?: string } | undefined>)[name]?.message,
  });
  /** The form's onSubmit: validates, sends the body with `run`, and resets the form when asked and it went through. */
  const submit = (run: Run, send: (body: B) => Promise<unknown>, done: string, opts: { reset?: boolean } = {}) => {
    const handle = form.handleSubmit(async (v) => {
      const ok = await run(
        () => send(toBody(v)),
        done,
        (err) => applyServerErrors(err, form.setError),
      );
      if (ok && opts.reset) {
        form.reset(defaults);
        setValues(defaults);
      }
    });
    return (e?: BaseSyntheticEvent) => void handle(e);
  };
  return { form, field, submit };
}

/** A form's own run: its error and success message, for forms outside the meeting page. */
export function useRun(after?: () => unknown) {
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const run: Run = async (fn, done, onError) => {
    setError(null);
    setMessage(null);
    try {
      await fn();
      await after?.();
      if (done) setMessage(done);
      return true;
    } catch (err) {
      setError(asApiError(err));
      onError?.(err);
      return false;
    }
  };
  return { run, error, message };
}
