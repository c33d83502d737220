import { el, renderXml, textEl } from '../../../platform/export/xml.js';
import type { ArchiveDocument, PackageInfo } from './model.js';

/**
 * The package's METS (root METS.xml, E-ARK CSIP 2.x profile of METS 1.12) and its PREMIS 3.0
 * preservation metadata. FGS Paketstruktur 2.0 is the CSIP/SIP: the root METS names the package
 * type and content information type, references the descriptive (ERMS) and preservation
 * (PREMIS) metadata with their SHA-256, lists every file of the representation with its
 * SHA-256, and draws the structure in one physical structMap labelled CSIP.
 */
const METS_NS = 'http://www.loc.gov/METS/';
const CSIP_NS = 'https://DILCIS.eu/XML/METS/CSIPExtensionMETS';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const PREMIS_NS = 'http://www.loc.gov/premis/v3';
export const SIP_PROFILE = 'https://earksip.dilcis.eu/profile/E-ARK-SIP.xml';

/** A metadata file of the package as METS references it. */
export interface MetadataFile {
  path: string;
  sizeBytes: number;
  sha256: string;
}

const checksum = (f: { sizeBytes: number; sha256: string }, created: string) => ({
  SIZE: f.sizeBytes,
  CREATED: created,
  CHECKSUM: f.sha256.toUpperCase(),
  CHECKSUMTYPE: 'SHA-256',
});

const mdRef = (f: MetadataFile, id: string, mdType: Record<string, string>, created: string) =>
  el('mdRef', {
    ID: id,
    LOCTYPE: 'URL',
    'xlink:type': 'simple',
    'xlink:href': f.path,
    ...mdType,
    MIMETYPE: 'text/xml',
    ...checksum(f, created),
  });

export function buildMets(
  p: { label: string; regionName: string },
  info: PackageInfo,
  documents: ArchiveDocument[],
  erms: MetadataFile,
  premis: MetadataFile,
): string {
  const at = info.createdAt;
  const root = el(
    'mets',
    {
      xmlns: METS_NS,
      'xmlns:csip': CSIP_NS,
      'xmlns:xlink': XLINK_NS,
      'xmlns:xsi': XSI_NS,
      OBJID: info.objectId,
      LABEL: p.label,
      TYPE: 'Mixed',
      'csip:CONTENTINFORMATIONTYPE': 'citserms_v2_1',
      PROFILE: SIP_PROFILE,
    },
    el(
      'metsHdr',
      { CREATEDATE: at, RECORDSTATUS: 'NEW', 'csip:OAISPACKAGETYPE': 'SIP' },
      el(
        'agent',
        { ROLE: 'CREATOR', TYPE: 'OTHER', OTHERTYPE: 'SOFTWARE' },
        textEl('name', info.software),
        textEl('note', info.softwareVersion, { 'csip:NOTETYPE': 'SOFTWARE VERSION' }),
      ),
      el('agent', { ROLE: 'ARCHIVIST', TYPE: 'ORGANIZATION' }, textEl('name', p.regionName)),
    ),
    el(
      'dmdSec',
      { ID: 'dmd-erms', CREATED: at, STATUS: 'CURRENT' },
      mdRef(erms, 'mdref-erms', { MDTYPE: 'OTHER', OTHERMDTYPE: 'ERMS', MDTYPEVERSION: '2.1.2' }, at),
    ),
    el(
      'amdSec',
      {},
      el(
        'digiprovMD',
        { ID: 'digiprov-premis', CREATED: at, STATUS: 'CURRENT' },
        mdRef(premis, 'mdref-premis', { MDTYPE: 'PREMIS', MDTYPEVERSION: '3.0' }, at),
      ),
    ),
    el(
      'fileSec',
      { ID: 'filesec' },
      el(
        'fileGrp',
        { ID: 'filegrp-rep1', USE: 'Representations/rep1' },
        documents.map((d) =>
          el(
            'file',
            { ID: `file-${d.id}`, MIMETYPE: d.contentType, ...checksum(d, d.uploadedAt) },
            el('FLocat', { LOCTYPE: 'URL', 'xlink:type': 'simple', 'xlink:href': d.path }),
          ),
        ),
      ),
    ),
    el(
      'structMap',
      { ID: 'structmap-csip', TYPE: 'PHYSICAL', LABEL: 'CSIP' },
      el(
        'div',
        { ID: 'div-root', LABEL: info.objectId },
        el('div', { ID: 'div-metadata', LABEL: 'Metadata', DMDID: 'dmd-erms', ADMID: 'digiprov-premis' }),
        documents.length
          ? el(
              'div',
              { ID: 'div-rep1', LABEL: 'Representations/rep1' },
              documents.map((d) => el('fptr', { FILEID: `file-${d.id}` })),
            )
          : null,
      ),
    ),
  );
  return renderXml(root);
}

const id = (type: string, value: string, prefix: 'object' | 'event' | 'agent' | 'linkingAgent' | 'linkingObject') =>
  el(`${prefix}Identifier`, {}, textEl(`${prefix}IdentifierType`, type), textEl(`${prefix}IdentifierValue`, value));

/** PREMIS 3.0: each file with its fixity, the export event that checked it, and the agents. */
export function buildPremis(p: { regionName: string }, info: PackageInfo, documents: ArchiveDocument[]): string {
  const objects = documents.map((d) =>
    el(
      'object',
      { 'xsi:type': 'file' },
      id('local', d.path, 'object'),
      el(
        'objectCharacteristics',
        {},
        el(
          'fixity',
          {},
          textEl('messageDigestAlgorithm', 'SHA-256'),
          textEl('messageDigest', d.sha256),
          textEl('messageDigestOriginator', info.software),
        ),
        textEl('size', d.sizeBytes),
        el('format', {}, el('formatDesignation', {}, textEl('formatName', d.contentType))),
      ),
      el('originalName', {}, d.fileName),
    ),
  );
  const event = el(
    'event',
    {},
    id('local', `${info.objectId}:export`, 'event'),
    textEl('eventType', 'fixity check'),
    textEl('eventDateTime', info.createdAt),
    el(
      'eventOutcomeInformation',
      {},
      textEl('eventOutcome', 'success'),
      el(
        'eventOutcomeDetail',
        {},
        textEl('eventOutcomeDetailNote', 'Varje handlings SHA-256 stämde med den som registrerades när den laddades upp.'),
      ),
    ),
    id('local', 'navet', 'linkingAgent'),
    documents.map((d) => id('local', d.path, 'linkingObject')),
  );
  const agents = [
    el(
      'agent',
      {},
      id('local', 'navet', 'agent'),
      textEl('agentName', info.software),
      textEl('agentType', 'software'),
      textEl('agentVersion', info.softwareVersion),
    ),
    el('agent', {}, id('local', 'arkivbildare', 'agent'), textEl('agentName', p.regionName), textEl('agentType', 'organization')),
  ];
  return renderXml(el('premis', { xmlns: PREMIS_NS, 'xmlns:xsi': XSI_NS, version: '3.0' }, objects, event, agents));
}
