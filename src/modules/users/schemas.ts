import { Type, type Static } from 'typebox';
import { PageQuery, Uuid, VersionHeader } from '../../platform/http/schemas.js';
import { RoleAssignmentSchema } from '../../platform/auth/schemas.js';

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Locale = Type.Union([Type.Literal('sv'), Type.Literal('en')]);
const Password = Type.String({ minLength: 1, maxLength: 200 });

export const CreateUserBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    name: Name,
    password: Type.Optional(Password),
    locale: Type.Optional(Locale),
    roles: Type.Optional(Type.Array(RoleAssignmentSchema, { maxItems: 50 })),
  },
  { additionalProperties: false },
);

export const UpdateUserBody = Type.Object(
  {
    name: Type.Optional(Name),
    disabled: Type.Optional(Type.Boolean()),
    locale: Type.Optional(Locale),
    password: Type.Optional(Password),
    roles: Type.Optional(Type.Array(RoleAssignmentSchema, { maxItems: 50 })),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const UserParams = Type.Object({ id: Uuid });
export const UserListQuery = Type.Object(
  { ...PageQuery, q: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);
export { VersionHeader };

/** A role of the vocabulary: its Swedish name, what it may do, and how many active users hold it. */
export const RoleInfoSchema = Type.Object(
  {
    code: Type.String(),
    label: Type.String(),
    permissions: Type.Array(Type.String()),
    holders: Type.Integer({ minimum: 0 }),
  },
  { $id: 'RoleInfo' },
);
export type RoleInfo = Static<typeof RoleInfoSchema>;
