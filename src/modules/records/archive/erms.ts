import { el, renderXml, textEl, type XmlElement } from '../../../platform/export/xml.js';
import { dateTime, type ArchiveCase, type ArchiveDocument, type PackageInfo } from './model.js';

/**
 * The case as CITS ERMS 2.1.2 (https://DILCIS.eu/XML/ERMS), the metadata of FGS
 * Ärendehantering: the case is an aggregation of type caseFile, each document a record.
 * Mapping (docs/records.md, "E-arkiv (FGS)"):
 * - objectId: the official diarienummer, else Navet's case number (which is always an extraId);
 * - classification: the region's klassificeringsstruktur (code and title);
 * - status closed; dates received (opened), created (registered), closed;
 * - agents: sender = counterpart, handler = responsible_person, forum = authorising_person;
 * - a secret-marked case carries restriction confidential with its secrecy ground;
 * - a record: handlingstyp as recordType, direction (inkommande → incoming, utgående → outgoing,
 *   upprättad → other/internal, as in FGS Ärendehantering), the counterpart as sender or
 *   receiver, the document's date (created) and when it was captured in Navet.
 */
export const ERMS_NS = 'https://DILCIS.eu/XML/ERMS';

const DIRECTION: Record<ArchiveDocument['direction'], { directionDefinition: string; otherDirectionDefinition?: string }> = {
  inkommande: { directionDefinition: 'incoming' },
  utgaende: { directionDefinition: 'outgoing' },
  upprattad: { directionDefinition: 'other', otherDirectionDefinition: 'internal' },
};

/** ERMS 2.1.2 spells it so (its enumeration: physical, digitial, …); FGS examples follow the schema. */
const DIGITAL = 'digitial';

const agent = (agentType: string, name: string | null, extra: Record<string, string> = {}) =>
  name ? el('agent', { agentType, ...extra }, textEl('name', name)) : null;

function restriction(c: ArchiveCase): XmlElement | null {
  if (!c.secret) return null;
  return el(
    'restriction',
    { restrictionType: 'confidential' },
    textEl('explanatoryText', 'Sekretessmarkerat i Navet'),
    textEl('regulation', c.secrecyGround ?? 'Sekretessgrund ej angiven'),
  );
}

function record(c: ArchiveCase, d: ArchiveDocument, n: number): XmlElement {
  const counterpartRole = d.direction === 'inkommande' ? 'sender' : d.direction === 'utgaende' ? 'receiver' : null;
  const agents = [counterpartRole ? agent(counterpartRole, d.counterpart) : null].filter(Boolean);
  return el(
    'record',
    { systemIdentifier: d.id, recordType: d.documentTypeLabel ?? 'handling', recordPhysicalOrDigital: DIGITAL },
    textEl('objectId', `${c.diarienummer ?? c.caseNumber}:${n}`),
    textEl('extraId', d.sha256, { extraIdType: 'sha256' }),
    c.classificationCode
      ? textEl('classification', c.classificationTitle ?? c.classificationCode, { classificationCode: c.classificationCode })
      : null,
    textEl('title', d.fileName),
    el('status', { value: 'closed' }),
    textEl('runningNumber', n),
    restriction(c),
    el('direction', DIRECTION[d.direction]),
    agents.length ? el('agents', {}, agents) : null,
    el(
      'dates',
      {},
      d.documentDate ? textEl('date', dateTime(d.documentDate), { dateType: 'created' }) : null,
      textEl('date', dateTime(d.uploadedAt), { dateType: 'captured' }),
    ),
    el('additionalInformation', {}, el('appendix', { name: d.fileName, fileFormat: d.contentType, path: d.path })),
  );
}

export function buildErms(c: ArchiveCase, documents: ArchiveDocument[], info: PackageInfo): string {
  const agents = [
    agent('counterpart', c.sender),
    agent('responsible_person', c.handlerName),
    agent('other', c.assignedGroupName, { otherAgentType: 'handläggande grupp' }),
    agent('authorising_person', c.forumName),
  ].filter(Boolean);
  const aggregation = el(
    'aggregation',
    { systemIdentifier: c.id, aggregationType: 'caseFile' },
    textEl('objectId', c.diarienummer ?? c.caseNumber),
    textEl('extraId', c.caseNumber, { extraIdType: 'navet_arendenummer' }),
    c.classificationCode
      ? textEl('classification', c.classificationTitle ?? c.classificationCode, {
          classificationCode: c.classificationCode,
          fullyQualifiedClassificationCode: c.classificationCode,
        })
      : null,
    textEl('title', c.subject),
    el('status', { value: 'closed' }),
    restriction(c),
    agents.length ? el('agents', {}, agents) : null,
    el(
      'dates',
      {},
      textEl('date', dateTime(c.receivedDate), { dateType: 'opened' }),
      textEl('date', dateTime(c.registeredAt), { dateType: 'created' }),
      c.closedAt ? textEl('date', dateTime(c.closedAt), { dateType: 'closed' }) : null,
    ),
    c.decisionRef
      ? el(
          'action',
          {},
          textEl('actionText', `Beslut ${c.decisionRef}${c.forumName ? ` (${c.forumName})` : ''}`),
          textEl('actionType', 'beslut'),
        )
      : null,
    documents.map((d, i) => record(c, d, i + 1)),
  );
  const root = el(
    'erms',
    { xmlns: ERMS_NS },
    el(
      'control',
      {},
      textEl('identification', c.region.name, { identificationType: 'arkivbildare' }),
      textEl('identification', c.diarienummer ?? c.caseNumber, { identificationType: 'ärendenummer' }),
      el(
        'maintenanceInformation',
        {},
        el('maintenanceStatus', { value: 'new' }),
        el('maintenanceAgency', {}, textEl('agencyName', c.region.name)),
        el(
          'maintenanceHistory',
          {},
          el(
            'maintenanceEvent',
            {},
            el('eventType', { value: 'created' }),
            textEl('eventDateTime', info.createdAt),
            el('agent', { agentType: 'deliverer' }, textEl('name', info.software), textEl('organisation', c.region.name)),
          ),
        ),
      ),
    ),
    el('aggregations', {}, aggregation),
  );
  return renderXml(root);
}
