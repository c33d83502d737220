/**
 * What the follow-up forms share on top of react-hook-form: the error summary that takes focus
 * and names each wrong field by its label (fields' ids are `${prefix}-${key}`, key as errorKey
 * writes a path: `items.2.priority` → `items-2-priority`), and a refused write's 409 kept apart
 * — someone else saved first (a stale version), or a rule about the record's state — so that
 * FormProblem offers a button that fetches the record again.
 */
import { useState, type FormEvent } from 'react';
import type { FieldErrors, FieldValues, UseFormProps, UseFormReturn } from 'react-hook-form';
import { FormErrorSummary } from '../components/FormErrors';
import { errorItems } from '../components/form-fields';
import { useFormSubmit } from '../form-submit';
import { useI18n } from '../i18n';
import { asApiError, errorKey, serverFieldErrors, useFormSummary } from '../people/people';

/** The problem type of a 409 that means "someone else saved first" (platform/errors.ts). */
const STALE_VERSION = 'urn:navet:problem:stale-version';

/** The form options every follow-up form takes: the error summary takes focus, not the first field. */
export const FORM_OPTIONS = { shouldFocusError: false } satisfies UseFormProps;

/**
 * The summary of one form (`prefix` as its fields' ids begin, `label` a field key's Swedish
 * label), fed by react-hook-form's errors (`invalid`) and by a refused request (`refused`).
 */
export function useFormProblem(prefix: string, label: (key: string) => string) {
  const { t } = useI18n();
  const summary = useFormSummary();
  const [stale, setStale] = useState<false | 'version' | 'state'>(false);
  return {
    summary: summary.summary,
    /** A 409: someone else saved first ('version'), or a rule about the record's state. */
    stale,
    clear: () => {
      summary.clear();
      setStale(false);
    },
    /** The errors the form found before sending (the page's own checks and the route's schema). */
    invalid: (errors: FieldErrors) => {
      setStale(false);
      summary.showText(
        t('form.fixErrors'),
        errorItems(errors, prefix, (name) => label(errorKey(name))),
      );
    },
    /** A refused request: the server's sentence, and a link to each field it names. */
    refused: (err: unknown) => {
      const e = asApiError(err);
      setStale(e.status === 409 ? (e.type === STALE_VERSION ? 'version' : 'state') : false);
      summary.show(e, serverFieldErrors(e, prefix, label).items);
    },
  };
}

export type FormProblemState = ReturnType<typeof useFormProblem>;

/**
 * The form's onSubmit (useFormSubmit): once the page's checks and the route's schema accept the
 * values, `send` runs; a refusal is summed up and its field errors land on the fields.
 */
export function useProblemSubmit<V extends FieldValues>(
  form: UseFormReturn<V>,
  problem: FormProblemState,
  send: (values: V) => Promise<unknown>,
): (e: FormEvent) => void {
  return useFormSubmit(
    form,
    async (values) => {
      try {
        await send(values);
        problem.clear();
      } catch (err) {
        problem.refused(err);
        throw err;
      }
    },
    (errors) => problem.invalid(errors),
  );
}

/**
 * The error summary, and on a 409 a button that fetches the record again (with `onlyStale`,
 * only when someone else saved first, not when a rule refused the change).
 */
export function FormProblem({
  state,
  onReload,
  onlyStale = false,
}: {
  state: FormProblemState;
  onReload?: () => void;
  onlyStale?: boolean;
}) {
  const { t } = useI18n();
  if (!state.summary) return null;
  const offer = onlyStale ? state.stale === 'version' : state.stale !== false;
  return (
    <>
      <FormErrorSummary {...state.summary} />
      {offer && onReload && (
        <p>
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              state.clear();
              onReload();
            }}
          >
            {t('followup.edit.reload')}
          </button>
        </p>
      )}
    </>
  );
}
