/** The reference module's audit kind: a reference file loaded, by its content hash. */
declare module '../../platform/audit/record.js' {
  interface AuditPayloads {
    'reference-file.load': { before: { sha256: string } | null; after: { sha256: string } };
  }
}

export {};
