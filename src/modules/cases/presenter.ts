import type { CaseRow } from './repository.js';

export const presentCase = (c: CaseRow) => ({
  id: c.id,
  region: c.region_code,
  caseNumber: c.case_number,
  year: c.year,
  sequence: c.sequence,
  subject: c.subject,
  origin: c.origin,
  sender: c.sender,
  receivedDate: c.received_date,
  status: c.status,
  registeredAt: c.registered_at.toISOString(),
  version: c.version,
});
