/**
 * A job that cannot run yet for a known reason (a setting is missing: SMTP, an outside source): it
 * is tried again later like any failure, but logged as one line, without a stack trace.
 */
export class JobNotReady extends Error {}
