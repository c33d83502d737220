import type { svTrust } from './i18n.sv';

export const enTrust: Record<keyof typeof svTrust, string> = {
  'trust.timeout.title': 'You will soon be signed out',
  'trust.timeout.idle':
    'You have not done anything for a while. For security you will be signed out in {time} unless you choose to continue.',
  'trust.timeout.absolute':
    'Your session has lasted a long time and ends for security in {time}. Save your work and sign in again.',
  'trust.timeout.extend': 'Stay signed in',
  'trust.timeout.ok': 'I understand',
  'trust.timeout.signOut': 'Sign out now',
  'trust.timeout.minutes': '{n} minutes',
  'trust.timeout.seconds': '{n} seconds',
  'trust.login.oidc': 'Sign in with {name}',
  'trust.login.or': 'or with e-mail and password',
  'trust.login.passwordOff': 'Password sign-in is switched off. Sign in with {name}.',
  'trust.login.error.provider-error': 'The identity provider cancelled the sign-in. Please try again.',
  'trust.login.error.provider-unavailable': 'The identity provider cannot be reached right now. Please try again shortly.',
  'trust.login.error.unknown-request': 'The sign-in had expired or was already used. Start again from the button below.',
  'trust.login.error.token-rejected': 'The sign-in could not be verified and was stopped for security. Please try again.',
  'trust.login.error.assurance':
    'The sign-in did not have a high enough assurance level. Sign in with your SITHS card or an equivalent e-ID.',
  'trust.login.error.missing-hsa-id': 'The identity provider sent no HSA-id, which Navet needs to recognise you.',
  'trust.login.error.email-taken':
    'An account with your e-mail address already exists. Ask an administrator to link your HSA-id to it.',
  'trust.login.error.disabled': 'Your account is disabled. Contact an administrator.',
  'trust.insyn.intro':
    'Navet shows this to everyone, without signing in: who sits where, the diary, the knowledge supports and how far the regions have come in implementing them. No personal data beyond name, role, group and employer.',
  'trust.insyn.pagesHeading': 'Pages',
  'trust.insyn.register': 'Who sits where',
  'trust.insyn.register.text': 'members and roles in the groups',
  'trust.insyn.diary': 'The diary',
  'trust.insyn.diary.text': 'registered cases; secret ones without their subject',
  'trust.insyn.catalogue': 'Knowledge supports',
  'trust.insyn.catalogue.text': 'the catalogue with versions and status',
  'trust.insyn.rounds': 'Consultation rounds',
  'trust.insyn.rounds.text': 'open and coming national consultations',
  'trust.insyn.heatmap': 'Implementation',
  'trust.insyn.heatmap.text': 'where every knowledge support stands in every region',
  'trust.insyn.structure': 'Organisation',
  'trust.insyn.structure.text': 'the groups on every level, mirroring and hosting',
  'trust.insyn.filesHeading': 'Open data',
  'trust.insyn.file.implementation': 'Implementation status per knowledge support and region (CSV)',
  'trust.insyn.file.indicators': 'Indicator values per region and period (CSV)',
  'trust.insyn.file.calendar': 'The consultation calendar {year} (iCalendar)',
  'trust.insyn.apiHeading': 'API',
  'trust.insyn.api': 'Everything above is also in the API, described in OpenAPI 3.1.',
};
