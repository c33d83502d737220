/**
 * A national consultation round's track and the kinds of its documents: the rounds' words
 * (src/modules/consultation/rounds), which the knowledge module's round planning and the UI use
 * too. Here, outside both modules, so that no module cycle is evaluated for two lists.
 *
 * `ROUND_TRACKS` are SKR's two calendar tracks (seed 002: synpunktsinhämtning and öppen nationell
 * remiss), which the knowledge module proposes from a consequence description and places in the
 * calendar. `OWN_DATE_TRACKS` are the other remiss processes of seed 002 (Socialstyrelsen's
 * nationella riktlinjer, nationell högspecialiserad vård, cancer, other partnership agencies):
 * each a track of its own, with no national calendar, so its dates are entered by a person.
 */
export const ROUND_TRACKS = ['synpunktsinhamtning', 'oppen-remiss'] as const;
export type RoundTrack = (typeof ROUND_TRACKS)[number];

export const OWN_DATE_TRACKS = ['nationella-riktlinjer', 'hogspecialiserad-vard', 'cancer', 'partnerskapsmyndighet'] as const;
export type OwnDateTrack = (typeof OWN_DATE_TRACKS)[number];

export const ALL_TRACKS = [...ROUND_TRACKS, ...OWN_DATE_TRACKS] as const;
export type AnyTrack = (typeof ALL_TRACKS)[number];

export const isCalendarTrack = (t: AnyTrack): t is RoundTrack => (ROUND_TRACKS as readonly string[]).includes(t);

export const DOCUMENT_KINDS = ['utkast', 'missiv', 'konsekvensbeskrivning', 'svarsmall', 'ovrigt'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Who an öppen nationell remiss may also be answered by, besides the regions (seed 002). */
export const INVITEE_KINDS = ['patientorganisation', 'universitet', 'profession', 'kommun'] as const;
export type InviteeKind = (typeof INVITEE_KINDS)[number];
