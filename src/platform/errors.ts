/**
 * Problem details (RFC 9457). Use cases throw these; the HTTP layer renders them as
 * application/problem+json. Anything else that escapes becomes a 500 without internals.
 */
export type { FieldError } from '../shared/validation.js';
import type { FieldError } from '../shared/validation.js';

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly type: string = 'about:blank',
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'Problem';
  }

  toJSON(): Record<string, unknown> {
    return {
      type: this.type,
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) => new Problem(400, 'Felaktig begäran', detail, errors);
export const unauthorized = (detail = 'Du behöver logga in.') => new Problem(401, 'Inte inloggad', detail);
export const forbidden = (detail = 'Du har inte behörighet att göra detta.') => new Problem(403, 'Åtkomst nekad', detail);
export const notFound = (what: string) => new Problem(404, 'Hittades inte', `${what} finns inte eller är inte synlig för dig.`);
export const conflict = (detail: string) => new Problem(409, 'Konflikt', detail);
export const unprocessable = (detail: string, errors?: FieldError[]) => new Problem(422, 'Ogiltiga uppgifter', detail, errors);
export const tooManyRequests = (detail: string, retryAfterSeconds: number) =>
  new Problem(429, 'För många försök', detail, undefined, 'about:blank', { 'retry-after': String(retryAfterSeconds) });
export const serviceUnavailable = (detail = 'Databasen är inte tillgänglig just nu. Försök igen om en stund.') =>
  new Problem(503, 'Tjänsten är tillfälligt otillgänglig', detail);

/** Lets a client tell "someone else changed it — reload" from other conflicts. */
export const STALE_VERSION_TYPE = 'urn:navet:problem:stale-version';

/** A stale version on an update: nothing was changed. */
export const staleVersion = (current: number) =>
  new Problem(
    409,
    'Konflikt',
    `Posten har ändrats av någon annan (aktuell version ${current}). Hämta den på nytt och gör om ändringen.`,
    undefined,
    STALE_VERSION_TYPE,
  );

/** PostgreSQL error codes that mean "the input broke a rule", mapped to a client error. */
export function problemFromDatabaseError(err: unknown): Problem | undefined {
  const e = err as { code?: string; constraint?: string; detail?: string };
  switch (e.code) {
    case '23505':
      return conflict('Det finns redan en post med samma unika värde.');
    case '23503':
      return unprocessable('En referens pekar på något som inte finns.');
    case '23514':
    case '23502':
    case '22P02':
    case '22007':
    case '22008':
      return unprocessable('Uppgifterna bryter mot en regel i databasen.');
    case '57P01':
    case '57P03':
    case '08000':
    case '08003':
    case '08006':
    case 'ECONNREFUSED':
    case 'ECONNRESET':
      return serviceUnavailable();
    case undefined:
    default:
      return undefined;
  }
}
