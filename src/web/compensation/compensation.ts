/**
 * Helpers of the compensation area; its shapes are the contract's (src/modules/compensation/schemas.ts). Money is
 * integer öre in the API; the UI shows kronor with a Swedish decimal comma and never does
 * arithmetic on floating point (the server computes every amount).
 */
import { invalidate, type ApiResponse, type Schema } from '../client';
import type { I18n } from '../i18n';

export const PARTICIPATION_PATH = '/delaktighet';
export const CLAIMS_PATH = `${PARTICIPATION_PATH}/ersattning`;
export const APPROVAL_PATH = `${PARTICIPATION_PATH}/attestering`;
export const PARTICIPANTS_PATH = `${PARTICIPATION_PATH}/deltagare`;
export const RATES_PATH = `${PARTICIPATION_PATH}/ersattningsmodell`;
export const personCompensationHref = (id: string) => `/personer-och-uppdrag/personer/${encodeURIComponent(id)}/ersattning`;

/** A mutation's options: every write in the area changes what its pages show (lists, totals, quotes). */
export const refetchArea = { onSuccess: () => invalidate('/compensation/') };

export type Claim = Schema<'CompensationClaim'>;
export type ClaimAction = Claim['allowedActions'][number];
export type Amounts = Claim['amounts'];
export type TimeUnit = Claim['timeUnit'];
export type Assignment = Schema<'CompensationAssignment'>;
export type Participant = Schema<'CompensationParticipant'>;
export type RateModel = Schema<'CompensationRateModel'>;
export type Totals = ApiResponse<'/compensation/totals'>;
export type TotalRow = Totals['perPerson'][number];

/** "1 225,00 kr" from öre, with integer arithmetic only. */
export function kronor(ore: number): string {
  const abs = Math.abs(ore);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${ore < 0 ? '−' : ''}${whole},${String(abs % 100).padStart(2, '0')}\u00a0kr`;
}

/** "123,45" / "123.45" / "123" kronor → öre; undefined when it is not an amount. */
export function parseKronor(text: string): number | undefined {
  const m = /^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*(?:kr)?\s*$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

export const statusLabel = (i18n: I18n, s: string) => i18n.tMaybe(`compensation.status.${s}`) ?? s;
export const STATUS_BADGE: Record<string, string> = {
  submitted: 'badge-partial',
  returned: 'badge-weak',
  approved: 'badge-ok',
  withdrawn: 'badge-none',
};

export function timeText(i18n: I18n, unit: TimeUnit, minutes: number | null): string {
  if (unit === 'hours') return i18n.t('compensation.unit.hoursWith', { hours: ((minutes ?? 0) / 60).toLocaleString('sv-SE') });
  return i18n.tMaybe(`compensation.unit.${unit}`) ?? unit;
}

export function usePartCrumbs(t: I18n['t']) {
  return [
    { to: '/', label: t('nav.start') },
    { to: PARTICIPATION_PATH, label: t('area.participation') },
  ];
}
