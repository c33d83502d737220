/** The notifications module's audit kinds: a notification read, or all of the caller's. */
declare module '../../platform/audit/record.js' {
  interface AuditPayloads {
    'notification.read': { before?: never; after?: never };
    'notification.read-all': { after: { marked: number } };
  }
}

export {};
