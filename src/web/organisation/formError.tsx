/** A whole form's failure in the group editing panels: a 409 offers to reload the group. */
import { ApiError } from '../api';
import { useErrorText } from '../components/Alerts';
import { FormErrorSummary, type FormErrorItem } from '../components/FormErrors';
import { useI18n } from '../i18n';
import { useState } from 'react';

export function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError({ status: 0, title: 'network' });
}

export /** A 409 or other failure of a whole form, with a reload button when the data went stale. */
function useFormError() {
  const errorText = useErrorText();
  const { t } = useI18n();
  const [summary, setSummary] = useState<{ text: string; items: FormErrorItem[]; n: number; stale: boolean } | null>(null);
  return {
    summary,
    clear: () => setSummary(null),
    show: (error: ApiError, items: FormErrorItem[] = []) =>
      setSummary((s) => ({
        // a 409 is either someone else's change or a rule about the groups below; the server's
        // text says which, and a reload helps in both cases
        text: error.status !== 409 && items.length > 0 ? t('form.fixErrors') : errorText(error),
        items,
        n: (s?.n ?? 0) + 1,
        stale: error.status === 409,
      })),
    showText: (text: string, items: FormErrorItem[]) => setSummary((s) => ({ text, items, n: (s?.n ?? 0) + 1, stale: false })),
  };
}

export function FormError({ state, onReload }: { state: ReturnType<typeof useFormError>; onReload: () => void }) {
  const { t } = useI18n();
  if (!state.summary) return null;
  return (
    <>
      <FormErrorSummary text={state.summary.text} items={state.summary.items} n={state.summary.n} />
      {state.summary.stale && (
        <p>
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              state.clear();
              onReload();
            }}
          >
            {t('edit.reload')}
          </button>
        </p>
      )}
    </>
  );
}
