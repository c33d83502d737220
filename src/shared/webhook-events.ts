/* Shared by the server (src/platform/webhooks) and the webhooks admin page of the UI. */

/**
 * The event kinds a webhook subscription can ask for: changes to what insyn shows anyway (the
 * catalogue, the national consultation rounds, the public diary). Each is an audit kind
 * (`entity.action`), so an event exists exactly when its change committed.
 */
export const WEBHOOK_EVENT_KINDS = [
  'knowledge-support.create',
  'knowledge-support.update',
  'knowledge-support.transition',
  'consultation-round.create',
  'consultation-round.update',
  'consultation-round.override',
  'consultation-round.cancel',
  'case.register',
] as const;

export type WebhookEventKind = (typeof WEBHOOK_EVENT_KINDS)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventKind, string> = {
  'knowledge-support.create': 'Kunskapsstöd har lagts in',
  'knowledge-support.update': 'Kunskapsstöd har ändrats',
  'knowledge-support.transition': 'Kunskapsstöd har bytt status',
  'consultation-round.create': 'Remissomgång har registrerats',
  'consultation-round.update': 'Remissomgång har ändrats',
  'consultation-round.override': 'Remissomgång har fått avvikande spår eller datum',
  'consultation-round.cancel': 'Remissomgång har avbrutits',
  'case.register': 'Ärende har diarieförts',
};

export function isWebhookEventKind(kind: string): kind is WebhookEventKind {
  return (WEBHOOK_EVENT_KINDS as readonly string[]).includes(kind);
}
