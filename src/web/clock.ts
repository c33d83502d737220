/**
 * The UI's clock follows the server's (every API answer carries it in `x-navet-clock`), so a
 * date a form proposes is the day the server's rules count with, whatever the computer's own
 * clock says.
 */

let offsetMs = 0;

/** Called by the API client with the `x-navet-clock` header of each answer. */
export function syncClock(serverNow: string | null): void {
  if (!serverNow) return;
  const at = Date.parse(serverNow);
  if (!Number.isNaN(at)) offsetMs = at - Date.now();
}

export const now = (): Date => new Date(Date.now() + offsetMs);

/** Today in Sweden, 'YYYY-MM-DD'. */
export const today = (): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now(),
  );

export const thisYear = (): number => Number(today().slice(0, 4));
