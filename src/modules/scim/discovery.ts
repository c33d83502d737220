import { MAX_RESULTS } from './read-scim-users.js';
import { GROUP_SCHEMA } from './rules/group-mapping.js';
import { USER_SCHEMA } from './rules/user-mapping.js';

/** What the service provider supports (RFC 7643 §5, §6, §7): read by identity systems before they provision. */

const SPC_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
const RT_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
const SCHEMA_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

const meta = (resourceType: string, location: string) => ({ resourceType, location });

export function serviceProviderConfig(base: string) {
  return {
    schemas: [SPC_SCHEMA],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Bearer-nyckel',
        description: 'En SCIM-nyckel per klient (nvscim_…), skapad av en administratör i Navet: Authorization: Bearer <nyckel>.',
        primary: true,
      },
    ],
    meta: meta('ServiceProviderConfig', `${base}/ServiceProviderConfig`),
  };
}

export function userResourceType(base: string) {
  return {
    schemas: [RT_SCHEMA],
    id: 'User',
    name: 'User',
    endpoint: '/Users',
    description: 'En användare i Navet och personen hen är',
    schema: USER_SCHEMA,
    schemaExtensions: [],
    meta: meta('ResourceType', `${base}/ResourceTypes/User`),
  };
}

export function groupResourceType(base: string) {
  return {
    schemas: [RT_SCHEMA],
    id: 'Group',
    name: 'Group',
    endpoint: '/Groups',
    description: 'En katalogsgrupp; klientens mappning säger vilken roll i Navet medlemmarna får',
    schema: GROUP_SCHEMA,
    schemaExtensions: [],
    meta: meta('ResourceType', `${base}/ResourceTypes/Group`),
  };
}

type Attr = {
  name: string;
  type: 'string' | 'boolean' | 'complex' | 'reference';
  multiValued?: boolean;
  required?: boolean;
  mutability?: 'readOnly' | 'readWrite' | 'immutable';
  uniqueness?: 'none' | 'server';
  description: string;
  subAttributes?: Attr[];
};

const attribute = (a: Attr): Record<string, unknown> => ({
  name: a.name,
  type: a.type,
  multiValued: a.multiValued ?? false,
  description: a.description,
  required: a.required ?? false,
  caseExact: false,
  mutability: a.mutability ?? 'readWrite',
  returned: 'default',
  uniqueness: a.uniqueness ?? 'none',
  ...(a.subAttributes ? { subAttributes: a.subAttributes.map(attribute) } : {}),
});

export function userSchema(base: string) {
  return {
    schemas: [SCHEMA_SCHEMA],
    id: USER_SCHEMA,
    name: 'User',
    description: 'Användare i Navet (de attribut Navet sparar; andra attribut tas emot och ignoreras)',
    attributes: [
      { name: 'userName', type: 'string', required: true, uniqueness: 'server', description: 'Inloggningsnamnet, t.ex. UPN' },
      { name: 'externalId', type: 'string', description: 'HSA-id (t.ex. SE2321000065-1234); sparas på användaren och personen' },
      {
        name: 'name',
        type: 'complex',
        description: 'Namnets delar',
        subAttributes: [
          { name: 'formatted', type: 'string', description: 'Hela namnet' },
          { name: 'givenName', type: 'string', description: 'Förnamn' },
          { name: 'familyName', type: 'string', description: 'Efternamn' },
        ],
      },
      { name: 'displayName', type: 'string', description: 'Namnet som Navet visar' },
      {
        name: 'emails',
        type: 'complex',
        multiValued: true,
        description: 'E-post; Navet använder adressen av typen work (annars den primära)',
        subAttributes: [
          { name: 'value', type: 'string', description: 'Adressen' },
          { name: 'type', type: 'string', description: 'work' },
          { name: 'primary', type: 'boolean', description: 'Den primära adressen' },
        ],
      },
      { name: 'active', type: 'boolean', description: 'false stänger av användaren och avslutar sessioner och API-nycklar' },
    ].map((a) => attribute(a as Attr)),
    meta: meta('Schema', `${base}/Schemas/${USER_SCHEMA}`),
  };
}

export function groupSchema(base: string) {
  return {
    schemas: [SCHEMA_SCHEMA],
    id: GROUP_SCHEMA,
    name: 'Group',
    description: 'Grupp i katalogen; en administratör i Navet mappar den till en roll',
    attributes: [
      { name: 'displayName', type: 'string', required: true, uniqueness: 'server', description: 'Gruppens namn' },
      { name: 'externalId', type: 'string', description: 'Katalogens id för gruppen (Entra ID: objectId)' },
      {
        name: 'members',
        type: 'complex',
        multiValued: true,
        description: 'Medlemmarna: användare som klienten har etablerat',
        subAttributes: [
          { name: 'value', type: 'string', mutability: 'immutable', description: 'Användarens id' },
          { name: 'display', type: 'string', mutability: 'readOnly', description: 'Användarens namn' },
          { name: '$ref', type: 'reference', mutability: 'immutable', description: 'Användarens adress' },
          { name: 'type', type: 'string', mutability: 'immutable', description: 'User' },
        ],
      },
    ].map((a) => attribute(a as Attr)),
    meta: meta('Schema', `${base}/Schemas/${GROUP_SCHEMA}`),
  };
}
