import { Type } from 'typebox';
import { Timestamp, Uuid } from '../../platform/http/schemas.js';

/** An in-app notification as the API shows it. */
export const Notification = Type.Object(
  {
    id: Uuid,
    kind: Type.String(),
    title: Type.String(),
    body: Type.String(),
    link: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
    readAt: Type.Union([Timestamp, Type.Null()]),
  },
  { $id: 'Notification' },
);
