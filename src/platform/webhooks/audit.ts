/** The audit payloads of webhook subscriptions: never the secret, only that it changed. */
export interface SubscriptionAudit {
  url: string;
  description: string;
  eventKinds: string[];
  active: boolean;
  version: number;
}

declare module '../audit/record.js' {
  interface AuditPayloads {
    'webhook-subscription.create': { after: SubscriptionAudit };
    'webhook-subscription.update': { before: SubscriptionAudit; after: SubscriptionAudit & { secretRotated: boolean } };
    'webhook-delivery.replay': { after: { subscriptionId: string; eventKind: string } };
  }
}
