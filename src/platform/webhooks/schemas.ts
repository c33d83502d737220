import { Type, type Static } from 'typebox';
import { WEBHOOK_EVENT_KINDS } from '../../shared/webhook-events.js';
import { PageQuery, Timestamp, Uuid } from '../http/schemas.js';

const EventKind = Type.Unsafe<(typeof WEBHOOK_EVENT_KINDS)[number]>(Type.Union(WEBHOOK_EVENT_KINDS.map((k) => Type.Literal(k))));
const ReceiverUrl = Type.String({
  pattern: '^https?://[^\\s]+$',
  maxLength: 2000,
  description: 'Mottagarens adress (https i drift)',
});
const EventKinds = Type.Array(EventKind, { minItems: 1, maxItems: 50, uniqueItems: true });

export const WebhookSubscription = Type.Object(
  {
    id: Uuid,
    url: Type.String(),
    description: Type.String(),
    eventKinds: Type.Array(Type.String()),
    active: Type.Boolean(),
    version: Type.Integer(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    secret: Type.Optional(
      Type.String({
        description: 'Nyckeln för signaturen (HMAC-SHA256); visas bara när prenumerationen skapas eller nyckeln byts',
      }),
    ),
  },
  { $id: 'WebhookSubscription' },
);

export const CreateSubscriptionBody = Type.Object(
  {
    url: ReceiverUrl,
    description: Type.Optional(Type.String({ maxLength: 300 })),
    eventKinds: EventKinds,
  },
  { additionalProperties: false },
);

export const UpdateSubscriptionBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    url: Type.Optional(ReceiverUrl),
    description: Type.Optional(Type.String({ maxLength: 300 })),
    eventKinds: Type.Optional(EventKinds),
    active: Type.Optional(Type.Boolean()),
    rotateSecret: Type.Optional(Type.Boolean({ description: 'Byt nyckel; den nya visas i svaret, en enda gång' })),
  },
  { additionalProperties: false },
);

export const DeliveryAttempt = Type.Object({
  attemptedAt: Timestamp,
  statusCode: Type.Union([Type.Integer(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  durationMs: Type.Integer(),
});

export const WebhookDelivery = Type.Object(
  {
    id: Uuid,
    subscriptionId: Uuid,
    eventKind: Type.String(),
    entityType: Type.String(),
    entityId: Type.String(),
    occurredAt: Timestamp,
    status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]),
    attempts: Type.Integer(),
    deliveredAt: Type.Union([Timestamp, Type.Null()]),
    lastStatusCode: Type.Union([Type.Integer(), Type.Null()]),
    lastError: Type.Union([Type.String(), Type.Null()]),
    log: Type.Array(DeliveryAttempt),
  },
  { $id: 'WebhookDelivery' },
);

export const DeliveryQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

export type CreateSubscriptionInput = Static<typeof CreateSubscriptionBody>;
export type UpdateSubscriptionInput = Omit<Static<typeof UpdateSubscriptionBody>, 'version'>;
