import type { RetentionRuleRow } from './repository.js';

export const presentRetentionRule = (r: RetentionRuleRow) => ({
  recordType: r.record_type,
  label: r.label,
  onAnonymisation: r.on_anonymisation,
  retentionYears: r.retention_years,
  retention: r.retention,
  legalBasis: r.legal_basis,
  version: r.version,
  updatedAt: r.updated_at.toISOString(),
});
