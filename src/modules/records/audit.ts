/**
 * The records module's audit kinds and their payloads. The anonymisation of a person is
 * recorded under the person (entity 'person'), by this module, which does it.
 */
declare module '../../platform/audit/record.js' {
  interface AuditPayloads {
    'retention-rule.update': { before: RetentionRuleAudit; after: RetentionRuleAudit };
    'register-extract.export': { after: { declarationDetails: boolean } };
    'person.anonymise': {
      before: { fields: string[] };
      after: { name: string; notesErased: number; directoryAccountsErased?: number };
    };
    /** A gallring run (entity id: the day): which rules removed which records, never their contents. */
    'gallring.execute': {
      after: { date: string; removed: number; rules: { recordType: string; cutoff: string; ids: string[] }[] };
    };
    /** An e-archive package (FGS) of a closed case was exported: what it held, and its checksum. */
    'case.archive-export': {
      after: { packageSha256: string; documents: number; documentIds: string[]; secret: boolean; sizeBytes: number };
    };
  }
}

/** A retention rule as audited: what an administrator may change. */
export interface RetentionRuleAudit {
  label: string;
  retentionYears: number | null;
  retention: string;
  legalBasis: string;
  disposition: 'gallras' | 'bevaras';
}

export {};
