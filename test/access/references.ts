/**
 * Every write whose body names another object, and which kind of object each such field names
 * (test/access-references.test.ts). The caller sends the access matrix's valid request with the
 * field pointing at an object it may not see — another region's person, group or case, or an id
 * that names nothing — and must get 404 with nothing written, as the GET of that object gives.
 *
 * A new write field that looks like a reference (ends in Id/Ids, or is a uuid) must be declared
 * here or in NOT_REFERENCES with the reason; the gate test reads the OpenAPI document.
 */
export type RefKind =
  | 'person'
  | 'group'
  | 'case'
  | 'classification'
  | 'support'
  | 'support-version'
  | 'round'
  | 'goal'
  | 'indicator'
  | 'assignment'
  | 'agenda-item'
  | 'paragraph'
  | 'meeting';

export interface BodyRef {
  /** The body field: `name`, `list[]` for an array of ids, `list[].name` for a field of each entry. */
  field: string;
  kind: RefKind;
  /** A known gap (why): the test expects it to fail until fixed, then the marker goes. None today. */
  pending?: string;
}

export const BODY_REFERENCES: Record<string, BodyRef[]> = {
  // organisation
  'POST /api/v1/groups': [
    { field: 'parentGroupId', kind: 'group' },
    { field: 'mirrorsGroupId', kind: 'group' },
    { field: 'setupParagraphId', kind: 'paragraph' },
  ],
  'PATCH /api/v1/groups/{id}': [
    { field: 'parentGroupId', kind: 'group' },
    { field: 'mirrorsGroupId', kind: 'group' },
  ],
  'POST /api/v1/groups/{id}/merge': [{ field: 'intoGroupId', kind: 'group' }],
  'PUT /api/v1/mirroring/coverage': [{ field: 'groupId', kind: 'group' }],
  // people and mandates
  'POST /api/v1/groups/{id}/memberships': [{ field: 'personId', kind: 'person' }],
  'POST /api/v1/groups/{id}/nominations': [{ field: 'personId', kind: 'person' }],
  // compensation
  'POST /api/v1/compensation/participants': [
    { field: 'personId', kind: 'person' },
    { field: 'groupId', kind: 'group' },
  ],
  'POST /api/v1/compensation/claims': [{ field: 'assignmentId', kind: 'assignment' }],
  // cases
  'PATCH /api/v1/cases/{id}': [
    { field: 'assignedGroupId', kind: 'group' },
    { field: 'handlerPersonId', kind: 'person' },
    { field: 'classificationId', kind: 'classification' },
  ],
  'POST /api/v1/cases/{id}/transitions': [{ field: 'forumGroupId', kind: 'group' }],
  'POST /api/v1/cases/{id}/escalation': [{ field: 'forumGroupId', kind: 'group' }],
  'POST /api/v1/cases/{id}/triage': [
    { field: 'forumGroupId', kind: 'group' },
    { field: 'mainCaseId', kind: 'case' },
  ],
  'POST /api/v1/cases/{id}/actions': [{ field: 'ownerPersonId', kind: 'person' }],
  'POST /api/v1/cases/{id}/links': [{ field: 'targetId', kind: 'case' }],
  // consultation
  'PUT /api/v1/consultation-settings/{region}': [
    { field: 'beredningGroupId', kind: 'group' },
    { field: 'decisionGroupId', kind: 'group' },
  ],
  'POST /api/v1/consultation-answers': [{ field: 'roundId', kind: 'round' }],
  'POST /api/v1/consultation-mailboxes/{region}/forwardings': [{ field: 'roundId', kind: 'round' }],
  'POST /api/v1/consultation-answers/{id}/routing': [
    { field: 'groupIds[]', kind: 'group' },
    { field: 'leadGroupId', kind: 'group' },
    { field: 'beredningGroupId', kind: 'group' },
    { field: 'decisionGroupId', kind: 'group' },
  ],
  'POST /api/v1/consultation-joint-answers': [
    { field: 'roundId', kind: 'round' },
    { field: 'coordinatingGroupId', kind: 'group' },
    { field: 'approvingGroupId', kind: 'group' },
  ],
  // knowledge
  'POST /api/v1/knowledge-supports': [{ field: 'producerGroupId', kind: 'group' }],
  'PATCH /api/v1/knowledge-supports/{id}': [{ field: 'producerGroupId', kind: 'group' }],
  'POST /api/v1/knowledge-supports/{id}/transition': [{ field: 'replacedBySupportId', kind: 'support' }],
  'POST /api/v1/knowledge-supports/{id}/local-additions': [{ field: 'ownerGroupId', kind: 'group' }],
  'POST /api/v1/consultation-rounds': [{ field: 'supportVersionId', kind: 'support-version' }],
  // meetings
  'POST /api/v1/meetings/{id}/agenda': [{ field: 'caseId', kind: 'case' }],
  'PUT /api/v1/meetings/{id}/agenda/order': [{ field: 'itemIds[]', kind: 'agenda-item' }],
  'POST /api/v1/meetings/{id}/attachments': [
    { field: 'agendaItemId', kind: 'agenda-item' },
    { field: 'groupId', kind: 'group' },
  ],
  'PUT /api/v1/meetings/{id}/attendance': [{ field: 'entries[].personId', kind: 'person' }],
  'PUT /api/v1/meetings/{id}/adjusters': [{ field: 'personIds[]', kind: 'person' }],
  'POST /api/v1/meetings/{id}/paragraphs': [
    { field: 'agendaItemId', kind: 'agenda-item' },
    { field: 'caseId', kind: 'case' },
  ],
  'POST /api/v1/paragraphs/{id}/actions': [{ field: 'ownerPersonId', kind: 'person' }],
  // follow-up
  'POST /api/v1/goals': [
    { field: 'parentId', kind: 'goal' },
    { field: 'groupId', kind: 'group' },
  ],
  'PATCH /api/v1/goals/{id}': [
    { field: 'parentId', kind: 'goal' },
    { field: 'groupId', kind: 'group' },
  ],
  'POST /api/v1/annual-reports': [{ field: 'groupId', kind: 'group' }],
  'POST /api/v1/obligations': [{ field: 'groupId', kind: 'group' }],
  'POST /api/v1/obligations/{id}/occurrences': [{ field: 'meetingId', kind: 'meeting' }],
  'POST /api/v1/indicators': [{ field: 'goalId', kind: 'goal' }],
  'PATCH /api/v1/indicators/{id}': [{ field: 'goalId', kind: 'goal' }],
  'PUT /api/v1/groups/{id}/followup-comments': [{ field: 'indicatorId', kind: 'indicator' }],
  'POST /api/v1/pdsa-cycles': [
    { field: 'indicatorId', kind: 'indicator' },
    { field: 'groupId', kind: 'group' },
  ],
  'POST /api/v1/implementation-statuses': [
    { field: 'supportVersionId', kind: 'support-version' },
    { field: 'groupId', kind: 'group' },
    { field: 'responsibleGroupId', kind: 'group' },
    { field: 'decisionForumId', kind: 'group' },
    { field: 'decisionCaseId', kind: 'case' },
    { field: 'decisionParagraphId', kind: 'paragraph' },
  ],
  'PATCH /api/v1/implementation-statuses/{id}': [
    { field: 'responsibleGroupId', kind: 'group' },
    { field: 'decisionForumId', kind: 'group' },
    { field: 'decisionCaseId', kind: 'case' },
    { field: 'decisionParagraphId', kind: 'paragraph' },
  ],
  'POST /api/v1/plans': [
    { field: 'groupId', kind: 'group' },
    { field: 'items[].supportId', kind: 'support' },
  ],
  'PATCH /api/v1/plans/{id}': [{ field: 'items[].supportId', kind: 'support' }],
};

/** Write fields that look like references but name no object a caller could be kept from ("route field" → why). */
export const NOT_REFERENCES: Record<string, string> = {
  'POST /api/v1/users roles[].scopeId': 'a scope (region code, healthcare region, group) in a role, set by administrators only',
  'PATCH /api/v1/users/{id} roles[].scopeId': 'a scope in a role, set by administrators only',
  'PUT /api/v1/scim-clients/{id}/group-roles groupRoles[].scopeId':
    'a healthcare region or region code in a SCIM group mapping, set by administrators only and refused (422) outside the client’s register',
  'POST /api/v1/groups programAreaIds': 'national reference data, public',
  'POST /api/v1/composition-rules programAreaIds': 'national reference data, public',
  'PATCH /api/v1/composition-rules/{id} programAreaIds': 'national reference data, public',
  'POST /api/v1/meetings/{id}/minutes/approve-on-paper personId':
    "chosen among the minutes' appointed justerare: any other id, seen or unseen, gets the same 422 (nothing to learn)",
  'POST /api/v1/indicator-sources/kolada/imports kpiId': "a KPI id in Kolada's catalogue outside Navet, not a Navet object",
  'POST /api/v1/indicator-sources/quality-indicators/imports measureId':
    'a MeasureID in Kvalitetsindikatorkatalogen outside Navet, not a Navet object',
  'PATCH /api/v1/groups/{id} programAreaIds': 'national reference data, public',
  'PUT /api/v1/mirroring/coverage programAreaId': 'national reference data, public',
  'POST /api/v1/people hsaId': 'an identifier of the person being registered, not a reference',
  'POST /api/v1/consultation-surveys/{id}/links recipientIds':
    'recipients of the survey in the path (already checked): any other id, seen or unseen, gets the same 422 (nothing to learn)',
  'POST /api/v1/jav-declarations/{id}/review restrictions[].programAreaId': 'national reference data, public',
  'POST /api/v1/composition-rules sourceId': 'a reference source (reference data), public',
  'PATCH /api/v1/composition-rules/{id} sourceId': 'a reference source (reference data), public',
  'POST /api/v1/composition-rules followsRuleId':
    'a rotation rule to follow: composition rules are public (GET /composition-rules), an unknown one is 422',
  'PATCH /api/v1/composition-rules/{id} followsRuleId':
    'a rotation rule to follow: composition rules are public (GET /composition-rules), an unknown one is 422',
  'POST /api/v1/obligations sourceId': 'a seed source (reference data), public',
  'POST /api/v1/consultation-answers/{id}/comments sectionId': 'a section of the answer in the path',
  'POST /api/v1/consultation-joint-answers healthcareRegionId': 'a healthcare region (reference data), public',
  'POST /api/v1/knowledge-supports programAreaIds': 'national reference data, public',
  'PATCH /api/v1/knowledge-supports/{id} programAreaIds': 'national reference data, public',
  'POST /api/v1/meetings/{id}/paragraphs programAreaIds': 'national reference data, public',
  'PATCH /api/v1/paragraphs/{id} programAreaIds': 'national reference data, public',
  'POST /api/v1/indicators programAreaId': 'national reference data, public',
  'PATCH /api/v1/indicators/{id} programAreaId': 'national reference data, public',
};

type Schema = {
  $ref?: string;
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  items?: Schema;
  format?: string;
};

/** "METHOD /path field" for every write body field of the OpenAPI document that looks like a reference. */
export function referenceFieldsOf(doc: unknown): string[] {
  const d = doc as {
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
    components?: { schemas?: Record<string, Schema> };
  };
  const resolve = (s: Schema | undefined): Schema | undefined =>
    s?.$ref ? d.components?.schemas?.[s.$ref.split('/').pop()!] : s;
  const isUuid = (s: Schema | undefined): boolean => {
    const r = resolve(s);
    return !!r && (r.format === 'uuid' || (r.anyOf ?? []).some(isUuid));
  };
  const fields = (s: Schema | undefined, prefix: string): string[] => {
    const r = resolve(s);
    if (!r) return [];
    const out = (r.anyOf ?? []).flatMap((a) => fields(a, prefix));
    for (const [k, v] of Object.entries(r.properties ?? {})) {
      const rv = resolve(v);
      const items = resolve(rv?.items);
      if (items?.properties) out.push(...fields(items, `${prefix}${k}[].`));
      else if (rv?.properties) out.push(...fields(rv, `${prefix}${k}.`));
      else if (/Ids?$/.test(k) || isUuid(rv) || isUuid(items)) out.push(`${prefix}${k}`);
    }
    return out;
  };
  const out = new Set<string>();
  for (const [path, ops] of Object.entries(d.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (method === 'get') continue;
      for (const f of fields(op.requestBody?.content?.['application/json']?.schema, '')) {
        out.add(`${method.toUpperCase()} ${path} ${f}`);
      }
    }
  }
  return [...out];
}

/** The declared form of a field ("groupIds[]" for an array of ids) as the OpenAPI scan names it ("groupIds"). */
export const scanName = (field: string) => field.replace(/\[\]$/, '');

/** A valid entry of a list, for a matrix request whose list is empty or absent (by list name). */
const LIST_ENTRY: Record<string, Record<string, unknown>> = {
  // A plan's item (POST /plans, PATCH /plans/{id}).
  items: { priority: 1, title: 'Insats', rationaleKind: 'local-need' },
};

/** The payload with `field` pointing at `id` (a copy; entries of a list keep their other values). */
export function withReference(payload: Record<string, unknown>, field: string, id: string): Record<string, unknown> {
  const nested = /^(\w+)\[\]\.(\w+)$/.exec(field);
  if (nested) {
    const [, list, name] = nested as unknown as [string, string, string];
    const entries = (payload[list] as Record<string, unknown>[] | undefined) ?? [];
    const first = entries[0] ?? LIST_ENTRY[list] ?? {};
    return { ...payload, [list]: [{ ...first, [name]: id }] };
  }
  const list = /^(\w+)\[\]$/.exec(field);
  if (list) return { ...payload, [list[1]!]: [id] };
  return { ...payload, [field]: id };
}
