import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { formatKronor } from '../compensation/index.js';
import type { RegisterExtract } from './register-extract.js';

const ROLE_STATUS: Record<string, string> = {
  submitted: 'Inlämnad',
  approved: 'Godkänd',
  'approved-with-restrictions': 'Godkänd med begränsningar',
  returned: 'Återskickad',
  withdrawn: 'Återtagen',
};

const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const h = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2) =>
  new Paragraph({ text, heading: level });

function table(headers: string[], rows: (string | number | null)[][]): Table | Paragraph {
  if (rows.length === 0) return p('Inga uppgifter.');
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((x) => cell(x, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v === null || v === undefined ? '–' : String(v))) })),
    ],
  });
}

/** The register extract as a document a person can read: headings, real tables with header rows. */
export async function extractToDocx(x: RegisterExtract): Promise<Buffer> {
  const person = x.person;
  const doc = new Document({
    creator: 'Navet',
    title: `Registerutdrag för ${person.name}`,
    description: 'Registerutdrag enligt dataskyddsförordningen artikel 15',
    sections: [
      {
        children: [
          h(`Registerutdrag för ${person.name}`, HeadingLevel.TITLE),
          p(
            `Utdraget skapades ${x.generatedAt.slice(0, 10)} av ${x.generatedFor}. Det innehåller alla uppgifter som Navet har om personen (dataskyddsförordningen artikel 15).`,
          ),
          h('Personuppgifter'),
          table(
            ['Uppgift', 'Värde'],
            [
              ['Namn', person.name],
              ['E-post', person.email],
              ['Arbetsgivare', person.employer],
              ['Yrke', person.profession],
              ['HSA-id', person.hsaId],
              ['Register', person.homeOwner],
              ['Registrerad', person.createdAt.slice(0, 10)],
              ['Anonymiserad', person.anonymisedAt ? person.anonymisedAt.slice(0, 10) : 'Nej'],
            ],
          ),
          h('Uppdrag'),
          table(
            ['Grupp', 'Roll', 'Från', 'Till'],
            x.memberships.map((m) => [m.groupName, m.role, m.startDate, m.endDate]),
          ),
          h('Jävsdeklarationer'),
          x.declarationDetailsIncluded
            ? p('Deklarationernas innehåll visas nedan.')
            : p(
                'Innehållet i deklarationerna visas bara för personen själv och för systemadministratörer; här syns status och datum.',
              ),
          table(
            ['Inlämnad', 'Status', 'Giltig till', 'Innehåll'],
            x.declarations.map((d) => [
              d.submittedAt.slice(0, 10),
              ROLE_STATUS[d.status] ?? d.status,
              d.validUntil,
              d.nothingToDeclare === null
                ? '(visas inte)'
                : d.nothingToDeclare
                  ? 'Inget att deklarera'
                  : (d.interests ?? [])
                      .map((i) => {
                        const it = i as { category?: string; description?: string };
                        return `${it.category ?? ''}: ${it.description ?? ''}`;
                      })
                      .join('; '),
            ]),
          ),
          ...(x.nominations !== null
            ? [h('Nomineringar'), p(`${x.nominations.length} nominering(ar) finns registrerade; se JSON-utdraget för detaljer.`)]
            : []),
          h('Medverkan som person med patienterfarenhet'),
          table(
            ['Grupp', 'Rekryterad', 'Av', 'Introducerad', 'Av', 'Anteckningar'],
            x.participation.map((r) => [r.groupName, r.recruitedOn, r.recruitedBy, r.introducedOn, r.introducedBy, r.notes]),
          ),
          h('Uppdrag med tidsåtgång'),
          table(
            ['Datum', 'Grupp', 'Uppdrag', 'Tid'],
            x.assignments.map((a) => [
              a.date,
              a.groupName,
              a.description,
              a.timeUnit === 'hours' ? `${a.minutes ?? 0} min` : a.timeUnit,
            ]),
          ),
          h('Ersättningsanspråk'),
          x.claimsIncluded ? p('') : p('Vissa anspråk visas bara för personen och attestanterna och finns inte med här.'),
          table(
            ['Datum', 'Grupp', 'Status', 'Arvode', 'Resor', 'Summa'],
            x.claims.map((c) => [
              c.date,
              c.groupName,
              ROLE_STATUS[c.status] ?? c.status,
              formatKronor(c.feeOre),
              formatKronor(c.mileageOre + c.travelCostsOre),
              formatKronor(c.totalOre),
            ]),
          ),
          h('Konton från katalogen (SCIM)'),
          table(
            ['Användarnamn', 'HSA-id', 'E-post', 'Namn', 'Aktivt', 'Katalog', 'Etablerat'],
            x.directoryAccounts.map((a) => [
              a.userName,
              a.externalId,
              a.emails.join(', '),
              [a.givenName, a.familyName].filter(Boolean).join(' ') || a.displayName,
              a.deletedAt ? 'Borttaget' : a.active ? 'Ja' : 'Nej',
              a.client,
              a.createdAt.slice(0, 10),
            ]),
          ),
          h('Grupper i katalogen'),
          table(
            ['Grupp', 'Konto', 'Katalog', 'Sedan', 'Ger rollen'],
            x.directoryGroups.map((g) => [
              g.group,
              g.userName,
              g.client,
              g.since.slice(0, 10),
              g.roles.map((r) => (r.scopeType === 'system' ? r.role : `${r.role} (${r.scopeId})`)).join(', ') || null,
            ]),
          ),
          h('Händelser i granskningsloggen'),
          table(
            ['Tid', 'Vem', 'Post', 'Händelse'],
            x.auditEvents.map((e) => [e.occurredAt.slice(0, 16).replace('T', ' '), e.actor, e.entityType, e.action]),
          ),
          h('Hur länge uppgifterna sparas'),
          table(
            ['Uppgifter', 'Bevarande', 'Grund'],
            x.retention.map((r) => [r.label, r.retention, r.legalBasis]),
          ),
          new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: 'Navet', italics: true })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
