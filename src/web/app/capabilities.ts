/**
 * The capability map of docs/product.md as data: drives the main navigation, the start
 * page and the generic "not built yet" page. Flip `built` when an area gets real pages.
 */
import type { MessageKey } from '../i18n';

export interface Capability {
  id: string;
  path: string;
  title: MessageKey;
  summary: MessageKey;
  /** One sentence on what the area will do, shown while it is not built. */
  future: MessageKey;
  built: boolean;
  links?: { href: string; label: MessageKey }[];
  /**
   * What a visitor who is not signed in is offered (insyn): nothing said, the area's own page,
   * which opens for them; a public part of the area with its own title and summary; or `null`
   * when nothing in the area opens without signing in, so the menu and the start page leave it
   * out rather than lead to "kräver inloggning".
   */
  anonymous?: { path: string; title: MessageKey; summary: MessageKey } | null;
}

/** The entry a visitor sees for an area: signed in, the area itself; otherwise its public part, if any. */
export function capabilityFor(
  c: Capability,
  signedIn: boolean,
): { id: string; path: string; title: MessageKey; summary: MessageKey; built: boolean } | null {
  if (signedIn || c.anonymous === undefined) return c;
  return c.anonymous && { id: c.id, built: c.built, ...c.anonymous };
}

export const CAPABILITIES: Capability[] = [
  {
    id: 'organisation',
    path: '/organisation',
    title: 'area.organisation',
    summary: 'area.organisation.summary',
    future: 'area.organisation.future',
    built: true,
  },
  {
    id: 'people',
    path: '/personer-och-uppdrag',
    title: 'area.people',
    summary: 'area.people.summary',
    future: 'area.people.future',
    built: true,
    anonymous: { path: '/vem-sitter-var', title: 'mandates.register.title', summary: 'area.people.publicSummary' },
    links: [
      { href: '/personer-och-uppdrag/sammansattning', label: 'mandates.link.gaps' },
      { href: '/personer-och-uppdrag/utgaende', label: 'mandates.link.expiring' },
      { href: '/personer-och-uppdrag/nomineringar', label: 'mandates.link.nominations' },
      { href: '/vem-sitter-var', label: 'mandates.link.register' },
    ],
  },
  {
    id: 'knowledge',
    path: '/kunskapsstod',
    title: 'area.knowledge',
    summary: 'area.knowledge.summary',
    future: 'area.knowledge.future',
    built: true,
    links: [{ href: '/kunskapsstod/remissomgangar', label: 'knowledge.link.rounds' }],
  },
  {
    id: 'consultations',
    path: '/remisser',
    title: 'area.consultations',
    summary: 'area.consultations.summary',
    future: 'area.consultations.future',
    built: true,
    // The national rounds are public under Kunskapsstöd; a region's answers need an account.
    anonymous: null,
    links: [{ href: '/remisser', label: 'consultations.open.heading' }],
  },
  {
    id: 'cases',
    path: '/arenden-och-beslut',
    title: 'area.cases',
    summary: 'area.cases.summary',
    future: 'area.cases.future',
    built: true,
    anonymous: { path: '/arenden-och-beslut/diarium', title: 'cases.diary.title', summary: 'area.cases.publicSummary' },
    links: [
      { href: '/arenden-och-beslut/mina', label: 'cases.nav.mine' },
      { href: '/arenden-och-beslut/beredning', label: 'cases.nav.triage' },
      { href: '/arenden-och-beslut/diarium', label: 'cases.nav.register' },
    ],
  },
  {
    id: 'meetings',
    path: '/moten',
    title: 'area.meetings',
    summary: 'area.meetings.summary',
    future: 'area.meetings.future',
    built: true,
    anonymous: { path: '/beslut-och-protokoll', title: 'meetings.public.title', summary: 'area.meetings.publicSummary' },
    links: [{ href: '/moten/beslut', label: 'meetings.decisions.title' }],
  },
  {
    id: 'implementation',
    path: '/inforande',
    title: 'area.implementation',
    summary: 'area.implementation.summary',
    future: 'area.implementation.future',
    built: true,
    links: [{ href: '/inforande', label: 'followup.home.heatmap' }],
  },
  {
    id: 'planning',
    path: '/planer-och-uppfoljning',
    title: 'area.planning',
    summary: 'area.planning.summary',
    future: 'area.planning.future',
    built: true,
    links: [
      { href: '/planer-och-uppfoljning', label: 'followup.home.indicators' },
      { href: '/planer-och-uppfoljning/planer', label: 'followup.home.plans' },
    ],
  },
  {
    id: 'participation',
    path: '/delaktighet',
    title: 'area.participation',
    summary: 'area.participation.summary',
    future: 'area.participation.future',
    built: true,
    anonymous: null,
    links: [
      { href: '/delaktighet/ersattning', label: 'compensation.mine.title' },
      { href: '/delaktighet/attestering', label: 'compensation.approval.title' },
      { href: '/delaktighet/ersattningsmodell', label: 'compensation.rates.title' },
    ],
  },
  {
    id: 'transparency',
    path: '/insyn-och-api',
    title: 'area.transparency',
    summary: 'area.transparency.summary',
    future: 'area.transparency.future',
    built: true,
    links: [
      { href: '/vem-sitter-var', label: 'trust.insyn.register' },
      { href: '/arenden-och-beslut/diarium', label: 'trust.insyn.diary' },
      { href: '/api/docs', label: 'footer.apiDocs' },
    ],
  },
];
