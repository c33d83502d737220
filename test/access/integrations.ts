import { buildCase } from '../../src/testing/builders.js';
import type { AccessModule } from './types.js';

/** Outbound webhooks: administrators only. A subscription to the diary and one delivery. */
export const integrationsAccess: AccessModule = {
  setup: async ({ db, newUser, request }) => {
    const admin = await newUser([{ role: 'admin', scopeType: 'system', scopeId: '' }]);
    const sub = await request({
      method: 'POST',
      url: '/api/v1/webhooks',
      as: admin,
      payload: { url: 'http://127.0.0.1:9/matris', eventKinds: ['case.register'] },
    });
    const webhookId: string = sub.json().id;
    await buildCase(db, { region: '10', subject: 'Matrisens ärende för webhooks' });
    const [d] = await db.query<{ id: string }>('SELECT id FROM webhook_deliveries WHERE subscription_id = $1', [webhookId]);
    return { webhookId, webhookDeliveryId: d!.id };
  },
  routes: {
    'GET /api/v1/webhooks': ['admin', () => ({ url: '/api/v1/webhooks' })],
    'POST /api/v1/webhooks': [
      'admin',
      () => ({
        url: '/api/v1/webhooks',
        payload: { url: 'https://intranat.example/hook', eventKinds: ['knowledge-support.create'] },
      }),
    ],
    'PATCH /api/v1/webhooks/{id}': [
      'admin',
      (f) => ({ url: `/api/v1/webhooks/${f.webhookId}`, payload: { version: 1, description: 'Intranätet' } }),
    ],
    'GET /api/v1/webhooks/{id}/deliveries': ['admin', (f) => ({ url: `/api/v1/webhooks/${f.webhookId}/deliveries` })],
    'POST /api/v1/webhook-deliveries/{id}/replay': [
      'admin',
      (f) => ({ url: `/api/v1/webhook-deliveries/${f.webhookDeliveryId}/replay` }),
    ],
  },
};
