import { Type, type Static } from 'typebox';
import { Timestamp, Uuid, VersionHeader } from '../../platform/http/schemas.js';

/** The administrators' API for SCIM clients (under /api/v1, problem+json like the rest of it). */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const ScimClientSchema = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    owner: Type.String({
      description: "Registret klienten etablerar användare i: 'national', en sjukvårdsregion eller en länskod",
    }),
    prefix: Type.String({ description: 'Nyckelns början, för att känna igen den' }),
    createdAt: Timestamp,
    rotatedAt: Nullable(Timestamp),
    lastUsedAt: Nullable(Timestamp),
    version: Type.Integer(),
  },
  { $id: 'ScimClient' },
);
export type ScimClientDto = Static<typeof ScimClientSchema>;

export const CreatedScimClient = Type.Object({
  ...ScimClientSchema.properties,
  token: Type.String({ description: 'SCIM-nyckeln (Bearer); visas bara nu' }),
});

export const CreateScimClientBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, description: 'T.ex. "Entra ID Region Blekinge"' }),
    owner: Type.String({ minLength: 1, maxLength: 50, pattern: '^[a-z0-9-]+$' }),
  },
  { additionalProperties: false },
);
export type CreateScimClientInput = Static<typeof CreateScimClientBody>;

export const RotateScimClientBody = Type.Object(
  { version: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);

export const ScimClientParams = Type.Object({ id: Uuid });
export { VersionHeader };

/**
 * The SCIM protocol's own requests are read by the use cases (rules/user-mapping.ts) rather than
 * by a closed schema: identity systems send attributes Navet does not keep (phone numbers, the
 * enterprise extension), which SCIM says to ignore, not refuse.
 */
export const ScimBody = Type.Object({}, { additionalProperties: true });
export const ScimListQuery = Type.Object(
  {
    filter: Type.Optional(Type.String({ maxLength: 1000 })),
    startIndex: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000_000 })),
    count: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
    attributes: Type.Optional(Type.String({ maxLength: 1000 })),
    excludedAttributes: Type.Optional(Type.String({ maxLength: 1000 })),
    sortBy: Type.Optional(Type.String({ maxLength: 200 })),
    sortOrder: Type.Optional(Type.String({ maxLength: 20 })),
  },
  { additionalProperties: false },
);
export const ScimIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
export const ScimGetQuery = Type.Object(
  {
    attributes: Type.Optional(Type.String({ maxLength: 1000 })),
    excludedAttributes: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

/** A client's mapping: the directory group (displayName or externalId) whose members get a role at a scope. */
export const ScimGroupRoleSchema = Type.Object(
  {
    group: Type.String({
      minLength: 1,
      maxLength: 256,
      description: 'Gruppens displayName (skiftlägesokänsligt) eller externalId',
    }),
    role: Type.String({ minLength: 1, maxLength: 50, pattern: '^[a-z-]+$' }),
    scopeType: Type.Union([Type.Literal('system'), Type.Literal('healthcare-region'), Type.Literal('region')]),
    scopeId: Type.String({ maxLength: 100 }),
  },
  { additionalProperties: false },
);

export const SetScimGroupRolesBody = Type.Object(
  {
    groupRoles: Type.Array(ScimGroupRoleSchema, { maxItems: 200 }),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type SetScimGroupRolesInput = Static<typeof SetScimGroupRolesBody>;

export const ScimClientGroupsSchema = Type.Object(
  {
    clientId: Uuid,
    version: Type.Integer({ description: 'SCIM-klientens version (för If-Match när mappningen ändras)' }),
    groupRoles: Type.Array(ScimGroupRoleSchema),
    groups: Type.Array(
      Type.Object({
        id: Uuid,
        displayName: Type.String(),
        externalId: Nullable(Type.String()),
        roles: Type.Array(Type.Omit(ScimGroupRoleSchema, ['group']), { description: 'Vad mappningen ger medlemmarna' }),
        members: Type.Array(Type.Object({ userId: Uuid, name: Type.String() })),
        updatedAt: Timestamp,
      }),
    ),
  },
  { $id: 'ScimClientGroups' },
);
export type ScimClientGroupsDto = Static<typeof ScimClientGroupsSchema>;
