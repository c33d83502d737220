/**
 * Shared pieces of "Personer och uppdrag": the roles and jäv categories of the API with their
 * labels, declaration statuses in words, periods, and a form-error state that always puts the
 * server's own sentence (problem+json `detail`) first, because that sentence is what tells a
 * coordinator why an appointment was refused.
 */
import { useState } from 'react';
import { ApiError } from '../api';
import { useErrorText } from '../components/Alerts';
import type { FormErrorItem } from '../components/FormErrors';
import type { I18n } from '../i18n';

export { EMPLOYER_TYPES, JAV_CATEGORIES, MEMBERSHIP_ROLES } from '../../shared/vocabularies';

export const PEOPLE_PATH = '/personer-och-uppdrag';
export const personHref = (id: string) => `${PEOPLE_PATH}/personer/${encodeURIComponent(id)}`;

export const roleLabel = (i18n: I18n, role: string) => i18n.tMaybe(`membership.role.${role}`) ?? role;
export const categoryLabel = (i18n: I18n, c: string) => i18n.tMaybe(`jav.category.${c}`) ?? c;
export const employerTypeLabel = (i18n: I18n, c: string) => i18n.tMaybe(`person.employerType.${c}`) ?? c;
export const declarationStatusLabel = (i18n: I18n, s: string) => i18n.tMaybe(`jav.status.${s}`) ?? s;

export const DECLARATION_BADGE: Record<string, string> = {
  submitted: 'badge-partial',
  approved: 'badge-ok',
  'approved-with-restrictions': 'badge-old',
  returned: 'badge-weak',
};

/** "1 jan. 2025 – 31 dec. 2027", or "från 1 jan. 2025" while open-ended. */
export function periodText(i18n: I18n, start: string, end: string | null): string {
  return end
    ? i18n.t('membership.period', { from: i18n.formatDate(start), to: i18n.formatDate(end) })
    : i18n.t('membership.periodOpen', { from: i18n.formatDate(start) });
}

export function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError({ status: 0, title: 'network' });
}

export { today } from '../clock';

/** "/interests/0/description" or "body.interests.0.description" → "interests-0-description". */
export function errorKey(path: string): string {
  return path
    .replace(/^(body)?[/.]?/, '')
    .split(/[/.]/)
    .filter(Boolean)
    .join('-');
}

/** Field errors by key (see errorKey), and summary items that link to `${prefix}-${key}`. */
export function serverFieldErrors(
  error: ApiError,
  prefix: string,
  label: (key: string) => string,
): { byField: Record<string, string>; items: FormErrorItem[] } {
  const byField: Record<string, string> = {};
  const items: FormErrorItem[] = [];
  for (const e of error.errors) {
    const key = errorKey(e.path);
    if (!key || key in byField) continue;
    byField[key] = e.message;
    items.push({ fieldId: `${prefix}-${key}`, label: label(key), message: e.message });
  }
  return { byField, items };
}

/** The error summary's state; every new attempt bumps `n` so the summary takes focus again. */
export function useFormSummary() {
  const errorText = useErrorText();
  const [summary, setSummary] = useState<{ text: string; items: FormErrorItem[]; n: number } | null>(null);
  return {
    summary,
    clear: () => setSummary(null),
    /** The server's sentence first; the field links below it. */
    show: (error: ApiError, items: FormErrorItem[] = []) =>
      setSummary((s) => ({ text: errorText(error), items, n: (s?.n ?? 0) + 1 })),
    showText: (text: string, items: FormErrorItem[] = []) => setSummary((s) => ({ text, items, n: (s?.n ?? 0) + 1 })),
  };
}
