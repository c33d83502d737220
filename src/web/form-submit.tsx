/**
 * How a form's write runs and shows its outcome, for every page: `useFormSubmit` sends a
 * react-hook-form form's values once the route's schema (forms.ts) accepts them and puts a
 * refusal's field errors on the fields; `useSubmit` runs a write that is not a form (a button);
 * `SubmitError` announces the server's sentence; `useFocusReturn` gives keyboard focus back.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { FieldValues, SubmitErrorHandler, UseFormReturn } from 'react-hook-form';
import { ApiError, asApiError } from './api';
import { ErrorAlert } from './components/Alerts';
import { applyServerErrors } from './forms';

/**
 * Gives keyboard focus back after a write. The button that started it is disabled meanwhile,
 * which takes focus away from it: call the returned function when the write starts (before the
 * button is disabled); when `busy` ends, focus goes back unless something else has taken it.
 */
export function useFocusReturn(busy: boolean): () => void {
  const focused = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (busy) return;
    const el = focused.current;
    focused.current = null;
    if (el?.isConnected && (document.activeElement === document.body || !document.activeElement)) el.focus();
  }, [busy]);
  return () => {
    focused.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  };
}

/**
 * A react-hook-form form's onSubmit: the values go to `send` once the route's schema accepts
 * them; a refused request puts its field errors on the fields (the mutation keeps the error for
 * SubmitError), and keyboard focus comes back after the write (see useFocusReturn).
 */
export function useFormSubmit<V extends FieldValues>(
  form: UseFormReturn<V>,
  send: (values: V) => Promise<unknown>,
  onInvalid?: SubmitErrorHandler<V>,
): (e: FormEvent) => void {
  const rememberFocus = useFocusReturn(form.formState.isSubmitting);
  const submit = form.handleSubmit(async (values) => {
    try {
      await send(values);
    } catch (err) {
      applyServerErrors(err, form.setError);
    }
  }, onInvalid);
  return (e) => {
    rememberFocus();
    void submit(e);
  };
}

/** Runs one write at a time and keeps its error for the form to show; focus returns afterwards. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const remember = useFocusReturn(busy);
  async function run(fn: () => Promise<void>): Promise<boolean> {
    remember();
    setBusy(true);
    setError(undefined);
    try {
      await fn();
      return true;
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError({ status: 0, title: 'network' }));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}

/**
 * The label a person sees for the field a server error names ("/answers/q1" → the text of the
 * label of the field named "answers.q1", or whose id ends in "-answers-q1"), or undefined when
 * the page has no such field. Bound fields carry the body's names (FormFields.tsx) and forms name
 * their ids `${prefix}-${name}`, so the page itself knows the words; the key is never shown.
 */
export function fieldLabelOnPage(path: string): string | undefined {
  const parts = path
    .replace(/^\/?(body)?[/.]?/, '')
    .split(/[/.]/)
    .filter(Boolean);
  if (parts.length === 0 || typeof document === 'undefined') return undefined;
  const el =
    document.querySelector(`[name="${CSS.escape(parts.join('.'))}"]`) ??
    document.querySelector(`[id$="-${CSS.escape(parts.join('-'))}"]`);
  const label = el && 'labels' in el ? (el as HTMLInputElement).labels?.[0] : null;
  return (label ?? el?.closest('fieldset')?.querySelector('legend'))?.textContent?.trim() || undefined;
}

/** The server's sentence and its field errors by their labels, announced (a mutation's error, or none). */
export function SubmitError({ error: err }: { error: unknown }): ReactNode {
  if (!err) return null;
  const error = asApiError(err);
  return (
    <ErrorAlert error={error}>
      {error.errors.length > 0 && (
        <ul>
          {error.errors.map((e) => {
            const label = fieldLabelOnPage(e.path);
            return <li key={`${e.path}:${e.message}`}>{label ? `${label}: ${e.message}` : e.message}</li>;
          })}
        </ul>
      )}
    </ErrorAlert>
  );
}
