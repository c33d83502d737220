import { parse, type Filter } from 'scim2-parse-filter';
import { scimInvalid } from '../errors.js';

/** One condition of a user list's filter that Navet answers from its tables. */
export type UserCriterion =
  { attr: 'userName' | 'externalId' | 'id' | 'email'; value: string } | { attr: 'active'; value: boolean };

const ATTRS: Record<string, UserCriterion['attr']> = {
  username: 'userName',
  externalid: 'externalId',
  id: 'id',
  'emails.value': 'email',
  emails: 'email',
  active: 'active',
};

/**
 * The filters identity systems send to find a user before creating or updating it (Entra ID:
 * `userName eq "…"` or `externalId eq "…"`), parsed with scim2-parse-filter: `eq` on userName,
 * externalId, id, emails.value (also emails[type eq "work"].value) and active, joined by `and`.
 * Anything else is refused as invalidFilter rather than answered wrongly.
 */
export function parseUserFilter(text: string): UserCriterion[] {
  let ast: Filter;
  try {
    ast = parse(text);
  } catch (err) {
    throw scimInvalid(`Filtret kan inte tolkas: ${err instanceof Error ? err.message : String(err)}`, 'invalidFilter');
  }
  return criteriaOf(ast);
}

function criteriaOf(f: Filter): UserCriterion[] {
  if (f.op === 'and' && 'filters' in f) return f.filters.flatMap(criteriaOf);
  if (f.op === '[]' && 'valFilter' in f) {
    // emails[type eq "work" and value eq "x"]: the type narrows which address; Navet keeps one.
    if (f.attrPath.toLowerCase() !== 'emails') throw unsupported();
    const inner = f.valFilter.op === 'and' && 'filters' in f.valFilter ? f.valFilter.filters : [f.valFilter];
    return inner
      .filter((c) => !('attrPath' in c && c.attrPath.toLowerCase() === 'type'))
      .flatMap((c) => criteriaOf('attrPath' in c ? { ...c, attrPath: `emails.${c.attrPath}` } : c));
  }
  if (f.op !== 'eq' || !('compValue' in f)) throw unsupported();
  const path = f.attrPath.replace(/^urn:ietf:params:scim:schemas:core:2\.0:User:/i, '').replace(/\[type eq "work"\]/i, '');
  const attr = ATTRS[path.toLowerCase()];
  if (!attr) throw unsupported();
  if (attr === 'active') {
    if (typeof f.compValue !== 'boolean') throw scimInvalid('active jämförs med true eller false.', 'invalidFilter');
    return [{ attr, value: f.compValue }];
  }
  if (typeof f.compValue !== 'string') throw scimInvalid(`${attr} jämförs med en textsträng.`, 'invalidFilter');
  return [{ attr, value: f.compValue }];
}

const unsupported = () =>
  scimInvalid(
    'Filtret stöds inte. Navet söker användare med eq på userName, externalId, id, emails.value och active, förenade med and.',
    'invalidFilter',
  );

/** One condition of a group list's filter. */
export type GroupCriterion = { attr: 'displayName' | 'externalId' | 'id' | 'member'; value: string };

const GROUP_ATTRS: Record<string, GroupCriterion['attr']> = {
  displayname: 'displayName',
  externalid: 'externalId',
  id: 'id',
  'members.value': 'member',
};

/**
 * The filters identity systems send to find a group (Entra ID: `displayName eq "…"`, also
 * `externalId eq "…"`), and `members[value eq "…"]` to ask whether a user is a member: `eq`
 * joined by `and`. Anything else is invalidFilter.
 */
export function parseGroupFilter(text: string): GroupCriterion[] {
  let ast: Filter;
  try {
    ast = parse(text);
  } catch (err) {
    throw scimInvalid(`Filtret kan inte tolkas: ${err instanceof Error ? err.message : String(err)}`, 'invalidFilter');
  }
  return groupCriteriaOf(ast);
}

function groupCriteriaOf(f: Filter): GroupCriterion[] {
  if (f.op === 'and' && 'filters' in f) return f.filters.flatMap(groupCriteriaOf);
  if (f.op === '[]' && 'valFilter' in f) {
    if (f.attrPath.toLowerCase() !== 'members') throw unsupportedGroup();
    const v = f.valFilter;
    if (!('attrPath' in v)) throw unsupportedGroup();
    return groupCriteriaOf({ ...v, attrPath: `members.${v.attrPath}` });
  }
  if (f.op !== 'eq' || !('compValue' in f)) throw unsupportedGroup();
  const path = f.attrPath.replace(/^urn:ietf:params:scim:schemas:core:2\.0:Group:/i, '');
  const attr = GROUP_ATTRS[path.toLowerCase()];
  if (!attr) throw unsupportedGroup();
  if (typeof f.compValue !== 'string') throw scimInvalid(`${path} jämförs med en textsträng.`, 'invalidFilter');
  return [{ attr, value: f.compValue }];
}

const unsupportedGroup = () =>
  scimInvalid(
    'Filtret stöds inte. Navet söker grupper med eq på displayName, externalId, id och members.value, förenade med and.',
    'invalidFilter',
  );
