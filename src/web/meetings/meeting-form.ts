/**
 * How the meetings pages run a write: `Run` announces the outcome (the meeting page's run also
 * refetches the meeting); `useRun` is the same for forms outside the meeting page. The forms
 * themselves are in meeting-submit.ts.
 */
import { useState } from 'react';
import { asApiError, type ApiError } from '../api';

/** Runs a write and answers whether it went through; `onError` sees a refusal (the page shows it too). */
export type Run = (fn: () => Promise<unknown>, done?: string, onError?: (error: unknown) => void) => Promise<boolean>;

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
