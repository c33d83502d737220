/** The minutes (protokoll) and extracts of one paragraph (protokollsutdrag): the document model (minutes-render.ts draws it). */
import { swedishDate } from '../../platform/clock.js';
import type { Signature } from '../../platform/export/document-layout.js';
import { roleLabel } from '../people/index.js';
import type { Queryable } from '../../platform/db/index.js';
import { isFinal } from '../../platform/lifecycle/index.js';
import * as repo from './repository.js';
import * as minutesRepo from './minutes-repository.js';
import { minutesLifecycle } from './rules/lifecycle.js';
import { isAbsent, isPresent, longSwedishDate, paragraphReference, SECRET_PARAGRAPH } from './rules/meeting.js';

export interface MinutesDoc {
  /** The forum's organisation (region, healthcare region or the nation): the letterhead. */
  organisation: string;
  forum: string;
  /** "Protokoll" or "Protokollsutdrag". */
  kind: string;
  title: string;
  facts: [string, string][];
  /** Who attended, grouped (närvarande ledamöter, ersättare, övriga, frånvarande); empty in an extract. */
  attendance: { heading: string; people: [name: string, role: string][] }[];
  sections: { heading: string; paragraphs: string[] }[];
  /** The justering: who justerar and how (in Navet or on paper, with the day), and the extract's attestation. */
  footer: string[];
  /** The signature lines: the secretary (vid protokollet) and each justerare, dated once justerat. */
  signatures: Signature[];
  fileBase: string;
  /** When the minutes were justerade (null for a draft): the document's creation date, so a justerat protokoll is the same file every time. */
  settledAt: string | null;
}

/** Roles that are not members of the forum: listed under "Övriga närvarande". */
const OTHERS = new Set([
  'adjungerad',
  'sekreterare',
  'deltagare',
  'processtod',
  'processledare',
  'administrativt-stod',
  'controller',
  'samordnare',
]);

function attendanceGroups(attendance: repo.AttendanceRecord[]): MinutesDoc['attendance'] {
  const row = (a: repo.AttendanceRecord): [string, string] => [a.name, roleLabel(a.role)];
  const present = attendance.filter((a) => isPresent(a.status));
  const groups: MinutesDoc['attendance'] = [
    { heading: 'Närvarande ledamöter', people: present.filter((a) => a.role !== 'ersattare' && !OTHERS.has(a.role)).map(row) },
    { heading: 'Tjänstgörande ersättare', people: present.filter((a) => a.role === 'ersattare').map(row) },
    { heading: 'Övriga närvarande', people: present.filter((a) => OTHERS.has(a.role)).map(row) },
    { heading: 'Frånvarande', people: attendance.filter((a) => isAbsent(a.status)).map(row) },
    {
      heading: 'Kallade, närvaro ej registrerad',
      people: attendance.filter((a) => !isPresent(a.status) && !isAbsent(a.status)).map(row),
    },
  ];
  return groups.filter((g) => g.people.length > 0);
}

const day = (at: string) => swedishDate(new Date(at));

const KIND_LABEL: Record<string, string> = {
  beslut: 'Beslut',
  information: 'Informationsärende',
  aterremitterad: 'Återremitteras',
  bordlagd: 'Bordläggs',
};

/**
 * Builds the document model: whole minutes, or one paragraph as an extract. The public copy
 * (insyn) shows the paragraphs about secret cases without their title, decision, jäv and action
 * items, and leaves out the free-text reasons for taking part despite a jäv restriction.
 */
export async function minutesDoc(
  db: Queryable,
  m: repo.MeetingRecord,
  onlyParagraphId?: string,
  publicCopy?: { secretParagraphs: ReadonlySet<string> },
): Promise<MinutesDoc> {
  const [organisation, attendance, all, adjusters] = await Promise.all([
    repo.ownerName(db, m.forumOwner),
    repo.attendanceOf(db, m.id),
    minutesRepo.paragraphsOf(db, m.id),
    minutesRepo.adjustersOf(db, m.id),
  ]);
  const paragraphs = onlyParagraphId ? all.filter((p) => p.id === onlyParagraphId) : all;
  const ids = paragraphs.map((p) => p.id);
  const [participation, actions] = await Promise.all([minutesRepo.participationOf(db, ids), minutesRepo.actionsOf(db, ids)]);
  const approved = isFinal(minutesLifecycle, m.minutesStatus);
  const facts: [string, string][] = [
    ['Forum', m.forumName],
    ['Datum', longSwedishDate(m.date)],
    ['Tid', `kl. ${m.startTime}–${m.endTime}`],
    ...(m.place ? ([['Plats', m.place]] as [string, string][]) : []),
    ['Status', approved ? `Justerat ${m.minutesLockedAt!.slice(0, 10)}` : 'Ej justerat (utkast)'],
  ];
  const sections: MinutesDoc['sections'] = [];
  for (const p of paragraphs) {
    if (publicCopy?.secretParagraphs.has(p.id)) {
      sections.push({
        heading: `§ ${p.number} ${SECRET_PARAGRAPH.title}`,
        paragraphs: [...(p.caseNumber ? [`Ärende: ${p.caseNumber}`] : []), SECRET_PARAGRAPH.text],
      });
      continue;
    }
    const recused = participation.filter((r) => r.paragraphId === p.id && !r.takesPart);
    const overrides = participation.filter((r) => r.paragraphId === p.id && r.takesPart && r.overrideReason);
    const acts = actions.filter((a) => a.paragraphId === p.id);
    sections.push({
      heading: `§ ${p.number} ${p.title}`,
      paragraphs: [
        ...(p.caseNumber ? [`Ärende: ${p.caseNumber}`] : []),
        `${KIND_LABEL[p.decisionKind] ?? p.decisionKind}: ${p.decisionText || '–'}`,
        ...(recused.length ? [`På grund av jäv deltog inte i beslutet: ${recused.map((r) => r.name).join(', ')}`] : []),
        ...overrides.map((r) =>
          publicCopy
            ? `${r.name} deltog trots jävsbegränsning.`
            : `${r.name} deltog trots jävsbegränsning. Skäl: ${r.overrideReason}`,
        ),
        ...acts.map(
          (a) => `Åtgärd: ${a.title} – ansvarig ${a.ownerName ?? '–'}${a.dueDate ? `, klart senast ${a.dueDate}` : ''}`,
        ),
      ],
    });
  }
  const footer = [`Justerare: ${adjusters.map((a) => `${a.name}${justeredNote(a)}`).join(', ') || '–'}`];
  const only = paragraphs[0];
  if (onlyParagraphId && only) {
    footer.push(`Utdraget överensstämmer med protokollet ${paragraphReference(m.forumName, m.date, only.number)}.`);
  }
  const secretary = attendance.find((a) => a.role === 'sekreterare' && isPresent(a.status));
  const signatures: Signature[] = [
    { name: secretary?.name ?? null, title: 'Sekreterare (vid protokollet)', date: null },
    ...adjusters.map((a) => ({
      name: a.name,
      title: 'Justerare',
      date: a.signedOnPaper ?? (a.approvedAt ? day(a.approvedAt) : null),
    })),
  ];
  return {
    organisation,
    forum: m.forumName,
    kind: onlyParagraphId && only ? 'Protokollsutdrag' : 'Protokoll',
    attendance: onlyParagraphId ? [] : attendanceGroups(attendance),
    signatures,
    title:
      onlyParagraphId && only
        ? `Protokollsutdrag – ${m.forumName} ${m.date} § ${only.number}`
        : `Protokoll – ${m.forumName} ${m.date}`,
    facts,
    sections,
    footer,
    settledAt: approved ? m.minutesLockedAt : null,
    fileBase:
      onlyParagraphId && only ? `protokollsutdrag-${m.forumName}-${m.date}-${only.number}` : `protokoll-${m.forumName}-${m.date}`,
  };
}

/** How an adjuster's justering reads in the protokoll: in Navet with its day, or on paper with the day signed. */
function justeredNote(a: minutesRepo.AdjusterRecord): string {
  if (a.signedOnPaper) return ` (justerat på papper ${a.signedOnPaper}${a.recordedBy ? `, registrerat av ${a.recordedBy}` : ''})`;
  return a.approvedAt ? ` (justerat ${day(a.approvedAt)})` : '';
}
