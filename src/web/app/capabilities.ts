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
  },
  {
    id: 'knowledge',
    path: '/kunskapsstod',
    title: 'area.knowledge',
    summary: 'area.knowledge.summary',
    future: 'area.knowledge.future',
    built: false,
  },
  {
    id: 'consultations',
    path: '/remisser',
    title: 'area.consultations',
    summary: 'area.consultations.summary',
    future: 'area.consultations.future',
    built: false,
  },
  {
    id: 'cases',
    path: '/arenden-och-beslut',
    title: 'area.cases',
    summary: 'area.cases.summary',
    future: 'area.cases.future',
    built: true,
  },
  {
    id: 'meetings',
    path: '/moten',
    title: 'area.meetings',
    summary: 'area.meetings.summary',
    future: 'area.meetings.future',
    built: false,
  },
  {
    id: 'implementation',
    path: '/inforande',
    title: 'area.implementation',
    summary: 'area.implementation.summary',
    future: 'area.implementation.future',
    built: false,
  },
  {
    id: 'planning',
    path: '/planer-och-uppfoljning',
    title: 'area.planning',
    summary: 'area.planning.summary',
    future: 'area.planning.future',
    built: false,
  },
  {
    id: 'participation',
    path: '/delaktighet',
    title: 'area.participation',
    summary: 'area.participation.summary',
    future: 'area.participation.future',
    built: false,
  },
  {
    id: 'transparency',
    path: '/insyn-och-api',
    title: 'area.transparency',
    summary: 'area.transparency.summary',
    future: 'area.transparency.future',
    built: false,
    links: [
      { href: '/api/docs', label: 'footer.apiDocs' },
      { href: '/api/openapi.json', label: 'footer.openapi' },
    ],
  },
];
