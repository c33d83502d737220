/**
 * A time-limited agreement (seed 002: LSVO's agreement "tidsbegränsas till tre år ... utvärderas
 * och eventuellt revideras före en förlängning"): valid until its last day, ending soon inside the
 * reminder window (the platform's NAVET_REMINDER_DAYS, which the administrator sets), then ended.
 */
export type AgreementState = 'valid' | 'ending-soon' | 'ended';

const dayNumber = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

export function agreementState(validUntil: string, today: string, warnDays: number): { state: AgreementState; daysLeft: number } {
  const daysLeft = dayNumber(validUntil) - dayNumber(today);
  if (daysLeft < 0) return { state: 'ended', daysLeft };
  return { state: daysLeft <= warnDays ? 'ending-soon' : 'valid', daysLeft };
}
