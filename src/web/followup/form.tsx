/**
 * Form state shared by the follow-up edit forms: the server's problem+json field errors shown
 * next to each field (ids `${prefix}-${key}`) and in the error summary that takes focus, and a
 * 409 (someone else saved first, or a rule about the record's state) with a reload button.
 */
import { useState } from 'react';
import { FormErrorSummary, type FormErrorItem } from '../components/FormErrors';
import { useI18n } from '../i18n';
import { asApiError, serverFieldErrors, useFormSummary } from '../people/people';

/** The problem type of a 409 that means "someone else saved first" (platform/errors.ts). */
const STALE_VERSION = 'urn:navet:problem:stale-version';

export function useFormState(prefix: string, label: (key: string) => string) {
  const summary = useFormSummary();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [stale, setStale] = useState<false | 'version' | 'state'>(false);
  const [busy, setBusy] = useState(false);
  const fail = (err: unknown) => {
    const e = asApiError(err);
    const { byField, items } = serverFieldErrors(e, prefix, label);
    setFields(byField);
    setStale(e.status === 409 ? (e.type === STALE_VERSION ? 'version' : 'state') : false);
    summary.show(e, items);
  };
  return {
    prefix,
    summary: summary.summary,
    fields,
    stale,
    busy,
    /** The error for a field key (e.g. "title" or "items-2-priority"). */
    error: (key: string) => fields[key],
    reset: () => {
      summary.clear();
      setFields({});
      setStale(false);
    },
    /** Errors found before sending: shown the same way as the server's. */
    local: (text: string, errors: Record<string, string>) => {
      setFields(errors);
      setStale(false);
      const items: FormErrorItem[] = Object.entries(errors).map(([k, message]) => ({
        fieldId: `${prefix}-${k}`,
        label: label(k),
        message,
      }));
      summary.showText(text, items);
    },
    fail,
    /** Runs a save with `busy` set; errors go to `fail`. Returns whether it succeeded. */
    run: async (save: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true);
      try {
        await save();
        summary.clear();
        setFields({});
        setStale(false);
        return true;
      } catch (err) {
        fail(err);
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}

export type FormState = ReturnType<typeof useFormState>;

/**
 * The error summary, and on a 409 a button that fetches the record again (with `onlyStale`,
 * only when someone else saved first, not when a rule refused the change).
 */
export function FormProblem({
  state,
  onReload,
  onlyStale = false,
}: {
  state: FormState;
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
              state.reset();
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

/** '' → null, for optional text and date fields. */
export const orNull = (v: string): string | null => (v.trim() === '' ? null : v.trim());
