import type { svRecords } from './i18n.sv';

export const enRecords: Record<keyof typeof svRecords, string> = {
  'records.title': 'Register extract and anonymisation',
  'records.titleFor': 'Register extract and anonymisation: {name}',
  'records.lead':
    'Under the GDPR (article 15) everyone may learn what data is held about them. A person who has left can be anonymised once the data is no longer needed – but official records are kept as the Archives Act requires.',
  'records.extract.title': 'Register extract',
  'records.extract.lead':
    'The extract holds the personal data, memberships, conflict-of-interest declarations (their contents only for the person and administrators), nominations, participation and compensation claims, and the audit events about the person. Taking an extract is logged.',
  'records.extract.docx': 'Download register extract (Word)',
  'records.extract.json': 'Download register extract (JSON)',
  'records.anonymise.title': 'Anonymise the person',
  'records.anonymise.lead':
    'Anonymising replaces name, e-mail, HSA-id and profession with the pseudonym “{pseudonym}”. No record is deleted.',
  'records.anonymise.why':
    'Memberships, decisions and declarations are official records that may only be disposed of under a disposal decision; compensation is accounting information kept for seven years. They remain, under the pseudonym. The table shows what happens to each kind of data and why.',
  'records.anonymise.caption': 'What happens to the person’s data on anonymisation',
  'records.anonymise.user':
    'The audit trail cannot be changed: events already logged stay as they are. A user account with the same e-mail address is disabled separately under Administration.',
  'records.anonymise.blocked': 'The person cannot be anonymised yet:',
  'records.anonymise.confirm': 'I have read what is kept and why, and want to anonymise the person.',
  'records.anonymise.submit': 'Anonymise {name}',
  'records.anonymise.done': 'The person is anonymised and is now called “{pseudonym}”.',
  'records.anonymise.already': 'The person is already anonymised.',
  'records.col.record': 'Data',
  'records.col.count': 'Count',
  'records.col.happens': 'On anonymisation',
  'records.col.retention': 'Retention',
  'records.col.basis': 'Legal basis',
  'records.col.actions': 'Actions',
  'records.on.keep': 'Kept unchanged',
  'records.on.keep-pseudonymised': 'Kept under the pseudonym',
  'records.on.erase': 'Erased or replaced',
  'records.retention.title': 'Retention and disposal',
  'records.retention.lead':
    'How long each kind of data is kept and on what legal basis. What anonymisation does follows from the Archives Act and cannot be changed here; retention and legal basis follow the authority’s records management plan.',
  'records.retention.caption': 'Retention rules per kind of data',
  'records.retention.years': '{years} years',
  'records.retention.yearsLabel': 'Retention in years',
  'records.retention.yearsHint': 'Leave empty if the data is kept until a disposal decision says otherwise.',
  'records.retention.edit': 'Edit {label}',
  'records.retention.save': 'Save the rule',
  'records.retention.saved': 'The rule for {label} is saved.',
  'records.cancel': 'Cancel',
};
