import { ScimProblem, scimInvalid } from '../errors.js';
import { assertScimResource, attr, isRecord, text } from './attributes.js';

/** The core User schema (RFC 7643 §4.1) and the messages of the protocol (RFC 7644). */
export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** The same rule as the users and persons tables' CHECK. */
const HSA_ID = /^SE[0-9A-Za-z-]{4,60}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What Navet keeps of a SCIM User: the state a POST, PUT or PATCH asks for. */
export interface DesiredUser {
  userName: string;
  /** The user's e-mail in Navet (sign-in and notices): the work e-mail, else the userName. */
  email: string;
  /** Navet's one name field: displayName, else the name's parts, else the userName. */
  displayName: string;
  givenName: string | null;
  familyName: string | null;
  /** externalId: the HSA-id, stored on the user and on their person. */
  hsaId: string | null;
  active: boolean;
}

/** A provisioned user as the repository reads it. */
export interface ScimUserRow {
  id: string;
  email: string;
  name: string;
  hsaId: string | null;
  disabled: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  userName: string;
  givenName: string | null;
  familyName: string | null;
  owner: string;
  personId: string | null;
  /** Deleted through SCIM: kept, disabled, and answered with 404. */
  deleted: boolean;
}

/**
 * Entra ID sends booleans as the strings "True" and "False" in PATCH values (a known deviation
 * from RFC 7644); they are read as the booleans they mean.
 */
export function scimBoolean(v: unknown, path: string): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
  throw scimInvalid(`${path} ska vara true eller false.`);
}

const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : undefined);

/** The e-mail a user is reached at: type "work", else the primary one, else the first. */
function pickEmail(emails: unknown): string | null {
  if (emails === undefined || emails === null) return null;
  if (!Array.isArray(emails)) throw scimInvalid('emails ska vara en lista.');
  const entries = emails.filter(isRecord);
  const chosen =
    entries.find((e) => lower(attr(e, 'type')) === 'work') ??
    entries.find((e) => attr(e, 'primary') === true || lower(attr(e, 'primary')) === 'true') ??
    entries[0];
  return chosen ? text(attr(chosen, 'value'), 'emails.value', 254) : null;
}

/** Reads and checks a SCIM User resource (a POST or PUT body, or a patched resource). */
export function desiredFromScim(resource: unknown): DesiredUser {
  assertScimResource(resource, USER_SCHEMA, 'User');
  const userName = text(attr(resource, 'userName'), 'userName', 254);
  if (!userName) throw scimInvalid('userName krävs.');
  const email = (pickEmail(attr(resource, 'emails')) ?? (EMAIL.test(userName) ? userName : null))?.toLowerCase() ?? null;
  if (!email || !EMAIL.test(email)) {
    throw scimInvalid('En e-postadress krävs: emails[type eq "work"].value, eller en userName som är en e-postadress.');
  }
  const name = attr(resource, 'name');
  if (name !== undefined && name !== null && !isRecord(name)) throw scimInvalid('name ska vara ett objekt.');
  const givenName = name ? text(attr(name, 'givenName'), 'name.givenName', 200) : null;
  const familyName = name ? text(attr(name, 'familyName'), 'name.familyName', 200) : null;
  const formatted = name ? text(attr(name, 'formatted'), 'name.formatted', 200) : null;
  const displayName =
    text(attr(resource, 'displayName'), 'displayName', 200) ??
    formatted ??
    ([givenName, familyName].filter(Boolean).join(' ') || userName.slice(0, 200));
  const hsaId = text(attr(resource, 'externalId'), 'externalId', 64);
  if (hsaId !== null && !HSA_ID.test(hsaId)) {
    throw scimInvalid(`externalId ska vara ett HSA-id (t.ex. SE2321000065-1234), inte "${hsaId}".`);
  }
  const active = attr(resource, 'active');
  return {
    userName,
    email,
    displayName,
    givenName,
    familyName,
    hsaId,
    active: active === undefined || active === null ? true : scimBoolean(active, 'active'),
  };
}

export const etagOf = (version: number) => `W/"${version}"`;

/**
 * The version an If-Match names (W/"3", "3" or *), or undefined for none or *. A tag that is not
 * one of ours can never match: 412.
 */
export function ifMatchVersion(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const m = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  if (!m?.[1]) throw new ScimProblem(412, 'If-Match ska vara en ETag som Navet har gett, t.ex. W/"3".');
  return Number(m[1]);
}

/** A provisioned user as a SCIM User resource. */
export function toScimUser(u: ScimUserRow, baseUrl: string) {
  return {
    schemas: [USER_SCHEMA],
    id: u.id,
    ...(u.hsaId ? { externalId: u.hsaId } : {}),
    userName: u.userName,
    name: {
      formatted: u.name,
      ...(u.givenName ? { givenName: u.givenName } : {}),
      ...(u.familyName ? { familyName: u.familyName } : {}),
    },
    displayName: u.name,
    emails: [{ value: u.email, type: 'work', primary: true }],
    active: !u.disabled,
    meta: {
      resourceType: 'User',
      created: u.createdAt.toISOString(),
      lastModified: u.updatedAt.toISOString(),
      version: etagOf(u.version),
      location: `${baseUrl}/Users/${u.id}`,
    },
  };
}
export type ScimUser = ReturnType<typeof toScimUser>;
