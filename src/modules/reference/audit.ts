/** The reference module's audit kinds: a reference file loaded (by its content hash), a sender added to the register. */
declare module '../../platform/audit/record.js' {
  interface AuditPayloads {
    'reference-file.load': { before: { sha256: string } | null; after: { sha256: string } };
    'sender.create': { after: { id: string; name: string; shortName: string | null; kind: string } };
  }
}

export {};
