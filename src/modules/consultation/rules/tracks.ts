import type { AnyTrack } from '../../../shared/round-vocabulary.js';

/**
 * The remiss processes as data: each track is an ordered list of steps, each with who acts and
 * where its date comes from. All of it is seed 002 ("Remisshantering inom Kunskapsstyrning",
 * "Nationella riktlinjer - Socialstyrelsen", "Nationell högspecialiserad vård", "Cancer",
 * "Remisshantering, myndigheter inom partnerskapet"); docs/consultation-tracks.md quotes the
 * passage behind each step.
 *
 * A step's date is the round's opening day (`opens`), its last day to answer (`closes`), or a
 * date a person enters on the round (`entered`): the seed gives no day for a seminar, an
 * approval or a final version, so none is invented.
 */
export type StepDate = 'opens' | 'closes' | 'entered';

export interface TrackStep {
  code: string;
  label: string;
  /** Who acts, in the seed's words. */
  actor: string;
  date: StepDate;
}

export interface TrackDefinition {
  code: AnyTrack;
  label: string;
  /** Who the remiss comes from. */
  agency: string;
  /** Whether the national calendar places the round (SKR's two tracks); otherwise a person enters its dates. */
  calendar: boolean;
  /** Whether others than the regions may be invited to answer (öppen nationell remiss, seed 002). */
  openToOthers: boolean;
  steps: TrackStep[];
}

export const TRACKS: readonly TrackDefinition[] = [
  {
    code: 'synpunktsinhamtning',
    label: 'Synpunktsinhämtning',
    agency: 'Nationellt system för kunskapsstyrning (SKR)',
    calendar: true,
    openToOthers: false,
    steps: [
      {
        code: 'utskick',
        label: 'Synpunktsinhämtningen kommer till regionens funktionsbrevlåda',
        actor: 'Nationellt system för kunskapsstyrning',
        date: 'opens',
      },
      {
        code: 'vidareformedling',
        label: 'Kontaktpersonerna vidareförmedlar länken enligt lokala rutiner',
        actor: 'Regionens kontaktpersoner',
        date: 'entered',
      },
      { code: 'svar', label: 'Regionen lämnar sina synpunkter (svarstid 4 veckor)', actor: 'Regionen', date: 'closes' },
    ],
  },
  {
    code: 'oppen-remiss',
    label: 'Öppen nationell remiss',
    agency: 'Nationellt system för kunskapsstyrning (SKR)',
    calendar: true,
    openToOthers: true,
    steps: [
      {
        code: 'utskick',
        label: 'Remissen kommer till regionens myndighetsbrevlåda (kan också hämtas på kunskapsstyrningvard.se)',
        actor: 'Nationellt system för kunskapsstyrning',
        date: 'opens',
      },
      {
        code: 'samordning',
        label: 'Svaret samordnas i regionen och diarieförs enligt lokala rutiner',
        actor: 'Regionens samordnare',
        date: 'entered',
      },
      {
        code: 'ovriga-svar',
        label: 'Patientföreningar, universitet, berörda professioner och kommuner kan också svara',
        actor: 'Inbjudna organisationer',
        date: 'closes',
      },
      { code: 'svar', label: 'Svaret lämnas i det nationella webbverktyget', actor: 'Regionen', date: 'closes' },
    ],
  },
  {
    code: 'nationella-riktlinjer',
    label: 'Nationella riktlinjer (Socialstyrelsen)',
    agency: 'Socialstyrelsen',
    calendar: false,
    openToOthers: false,
    steps: [
      {
        code: 'preliminar-version',
        label: 'Socialstyrelsen publicerar en preliminär version av riktlinjerna',
        actor: 'Socialstyrelsen',
        date: 'opens',
      },
      {
        code: 'seminarium',
        label: 'Förberedande seminarium i sjukvårdsregionen: remissvaret planeras',
        actor: 'Sjukvårdsregionen',
        date: 'entered',
      },
      {
        code: 'gapanalys',
        label: 'Gapanalysenkäten skickas till berörda i respektive region',
        actor: 'Aktuellt/aktuella RPO',
        date: 'entered',
      },
      {
        code: 'bearbetning',
        label: 'Svaren på gapanalysenkäten bearbetas på ett seminarium',
        actor: 'Aktuellt/aktuella RPO',
        date: 'entered',
      },
      {
        code: 'gemensamt-svar',
        label: 'Sjukvårdsregionens gemensamma svar tas fram',
        actor: 'Aktuellt/aktuella RPO',
        date: 'entered',
      },
      {
        code: 'godkannande',
        label: 'Svaret godkänns av sjukvårdsregionens ledningsgrupp',
        actor: 'Ledningsgruppen i sjukvårdsregionen',
        date: 'entered',
      },
      {
        code: 'remissvar',
        label: 'Remissvaret på den preliminära versionen lämnas',
        actor: 'Sjukvårdsregionen',
        date: 'closes',
      },
      {
        code: 'slutlig-version',
        label: 'Slutlig version publiceras: prioriteringar (1–10), icke-göra och FoU',
        actor: 'Socialstyrelsen',
        date: 'entered',
      },
    ],
  },
  {
    code: 'hogspecialiserad-vard',
    label: 'Nationell högspecialiserad vård',
    agency: 'Nationell högspecialiserad vård',
    calendar: false,
    openToOthers: false,
    steps: [
      { code: 'remiss', label: 'Remissen om nationell högspecialiserad vård kommer', actor: 'Avsändaren', date: 'opens' },
      {
        code: 'lpo-lsg',
        label: 'Intern förankring i aktuellt/aktuella LPO och LSG',
        actor: 'Berörda LPO och LSG',
        date: 'entered',
      },
      { code: 'chefsamrad', label: 'Linjechefer via lokalt chefsamråd', actor: 'Lokalt chefsamråd', date: 'entered' },
      { code: 'ekonomi-hr', label: 'Ekonomi och HR', actor: 'Ekonomi och HR', date: 'entered' },
      { code: 'kunskapsradet', label: 'Förankring i kunskapsrådet', actor: 'Kunskapsrådet', date: 'entered' },
      {
        code: 'samlat-svar',
        label: 'Ett samlat remissvar från sjukvårdsregionen',
        actor: 'Lokal samordnare för kunskapsstyrning (håller samman)',
        date: 'closes',
      },
    ],
  },
  {
    code: 'cancer',
    label: 'Remiss inom cancerområdet',
    agency: 'Regionalt cancercentrum (RCC)',
    calendar: false,
    openToOthers: false,
    steps: [
      { code: 'remiss', label: 'Remissen inom cancerområdet kommer', actor: 'Avsändaren', date: 'opens' },
      { code: 'rcc', label: 'RCC besvarar remissen', actor: 'RCC', date: 'entered' },
      {
        code: 'lokala-synpunkter',
        label:
          'Synpunkter inhämtas lokalt: LPO Cancersjukdomars representant i chefsamråd onkologisk vård, lokala patientprocessledare, kontaktsjuksköterskor och övriga LPO',
        actor: 'Lokal cancersamordnare',
        date: 'entered',
      },
      {
        code: 'berorda-vc',
        label: 'Berörda verksamhetschefer i andra chefsamråd, ekonomi och HR',
        actor: 'Lokal cancersamordnare',
        date: 'entered',
      },
      {
        code: 'regionens-svar',
        label: 'Lokal cancersamordnare håller samman och skickar regionens gemensamma svar',
        actor: 'Lokal cancersamordnare',
        date: 'closes',
      },
    ],
  },
  {
    code: 'partnerskapsmyndighet',
    label: 'Remiss från annan myndighet inom partnerskapet',
    agency: 'Myndighet inom partnerskapet',
    calendar: false,
    openToOthers: false,
    // Seed 002: "Justering pågår i intern rutin, Text – under framtagande." Only the round's own
    // two days are known; the region's steps are not invented.
    steps: [
      { code: 'remiss', label: 'Remissen kommer från myndigheten', actor: 'Myndigheten', date: 'opens' },
      { code: 'svar', label: 'Regionen svarar enligt intern rutin (under framtagande)', actor: 'Regionen', date: 'closes' },
    ],
  },
];

export const trackOf = (code: string): TrackDefinition | undefined => TRACKS.find((t) => t.code === code);

export const TRACK_LABELS = Object.fromEntries(TRACKS.map((t) => [t.code, t.label])) as Record<AnyTrack, string>;

export interface EnteredStep {
  step: string;
  dueOn: string | null;
  doneOn: string | null;
  note: string | null;
  version: number;
}

export interface StepState extends TrackStep {
  dueOn: string | null;
  doneOn: string | null;
  note: string | null;
  version: number;
  late: boolean;
}

/**
 * A round's steps for today: the track's steps in order, each with its date (the round's own
 * day, or the one a person entered, or none yet), whether it is done and whether it is late.
 */
export function roundSteps(
  track: AnyTrack,
  round: { opensOn: string; closesOn: string },
  entered: readonly EnteredStep[],
  today: string,
): StepState[] {
  const def = trackOf(track);
  if (!def) return [];
  return def.steps.map((s) => {
    const e = entered.find((x) => x.step === s.code);
    const dueOn = s.date === 'opens' ? round.opensOn : s.date === 'closes' ? round.closesOn : (e?.dueOn ?? null);
    const doneOn = e?.doneOn ?? null;
    return {
      ...s,
      dueOn,
      doneOn,
      note: e?.note ?? null,
      version: e?.version ?? 0,
      late: doneOn === null && dueOn !== null && dueOn < today && s.date === 'entered',
    };
  });
}

/** Problems with a step's entry: a known step; a due day only where the seed leaves it open; done not in the future. */
export function checkStepEntry(
  track: AnyTrack,
  code: string,
  entry: { dueOn: string | null; doneOn: string | null },
  today: string,
): { path: string; message: string }[] | undefined {
  const step = trackOf(track)?.steps.find((s) => s.code === code);
  if (!step) return undefined;
  const errors: { path: string; message: string }[] = [];
  if (entry.dueOn !== null && step.date !== 'entered') {
    errors.push({
      path: '/dueOn',
      message:
        step.date === 'opens'
          ? 'Steget infaller på omgångens startdag; ändra omgångens datum i stället.'
          : 'Steget infaller på omgångens sista svarsdag; ändra omgångens datum i stället.',
    });
  }
  if (entry.doneOn !== null && entry.doneOn > today) errors.push({ path: '/doneOn', message: 'Kan inte ligga i framtiden.' });
  return errors;
}

export interface OwnDatePlan {
  proposal: { track: AnyTrack; because: string[]; opensOn: string; closesOn: string };
  track: AnyTrack;
  opensOn: string;
  closesOn: string;
  trackOverridden: false;
  datesOverridden: false;
  overrideReason: null;
  errors: { path: string; message: string }[];
}

/**
 * A round on a track without a national calendar: its two days are the ones a person enters
 * (the seed gives none), so there is no proposal to depart from and no override to explain.
 */
export function planOwnDateRound(
  track: AnyTrack,
  choice: { opensOn?: string | undefined; closesOn?: string | undefined },
): OwnDatePlan {
  const errors: { path: string; message: string }[] = [];
  const need = 'Spåret har ingen nationell remisskalender: ange startdag och sista svarsdag.';
  if (!choice.opensOn) errors.push({ path: '/opensOn', message: need });
  if (!choice.closesOn) errors.push({ path: '/closesOn', message: need });
  const opensOn = choice.opensOn ?? '';
  const closesOn = choice.closesOn ?? '';
  if (opensOn && closesOn && closesOn <= opensOn) {
    errors.push({ path: '/closesOn', message: 'Sista svarsdag måste vara efter startdagen.' });
  }
  return {
    proposal: { track, because: [], opensOn, closesOn },
    track,
    opensOn,
    closesOn,
    trackOverridden: false,
    datesOverridden: false,
    overrideReason: null,
    errors,
  };
}
