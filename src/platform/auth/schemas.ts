import { Type, type Static } from 'typebox';
import { Timestamp, Uuid } from '../http/schemas.js';

export const RoleAssignmentSchema = Type.Object(
  {
    role: Type.String({ minLength: 1, maxLength: 50, pattern: '^[a-z-]+$' }),
    scopeType: Type.Union([
      Type.Literal('system'),
      Type.Literal('healthcare-region'),
      Type.Literal('region'),
      Type.Literal('group'),
    ]),
    scopeId: Type.String({ maxLength: 100 }),
  },
  { additionalProperties: false },
);

export const UserSchema = Type.Object(
  {
    id: Uuid,
    email: Type.String(),
    name: Type.String(),
    locale: Type.Union([Type.Literal('sv'), Type.Literal('en')]),
    disabled: Type.Boolean(),
    isDemo: Type.Boolean(),
    roles: Type.Array(RoleAssignmentSchema),
    version: Type.Integer(),
    createdAt: Timestamp,
  },
  { $id: 'User' },
);
export type UserDto = Static<typeof UserSchema>;

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const LoginResponse = Type.Object({ user: Type.Ref('User'), csrfToken: Type.String() });
export const GrantSchema = Type.Object({
  permission: Type.String({ description: 'Behörighet, t.ex. cases.register' }),
  scopeType: RoleAssignmentSchema.properties.scopeType,
  scopeId: Type.String(),
});
export const MeResponse = Type.Object({
  user: Type.Ref('User'),
  csrfToken: Type.Union([Type.String(), Type.Null()]),
  permissions: Type.Array(GrantSchema, { description: 'Vad användaren får göra, och var (ur behörighetstabellen)' }),
  emailEnabled: Type.Boolean({
    description: 'Om Navet skickar e-post i den här installationen (SMTP inställt); annars visas länkar och besked bara i Navet',
  }),
});

export const TokenSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  prefix: Type.String(),
  createdAt: Timestamp,
  lastUsedAt: Type.Union([Timestamp, Type.Null()]),
  expiresAt: Type.String({ format: 'date-time', description: 'När nyckeln slutar gälla' }),
});
export const CreateTokenBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);
export const CreatedToken = Type.Object({
  ...TokenSchema.properties,
  token: Type.String({ description: 'Nyckeln; visas bara nu' }),
});
