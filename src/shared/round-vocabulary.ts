/**
 * A national consultation round's track and the kinds of its documents: the rounds' words
 * (src/modules/consultation/rounds), which the knowledge module's round planning and the UI use
 * too. Here, outside both modules, so that no module cycle is evaluated for two lists.
 */
export const ROUND_TRACKS = ['synpunktsinhamtning', 'oppen-remiss'] as const;
export type RoundTrack = (typeof ROUND_TRACKS)[number];

export const DOCUMENT_KINDS = ['utkast', 'missiv', 'konsekvensbeskrivning', 'svarsmall', 'ovrigt'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
