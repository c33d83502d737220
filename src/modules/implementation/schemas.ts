/** Route schemas of implementation statuses (and the file-format query of the module's downloads). */
import { Type, type Static } from 'typebox';
import { IsoDate, Uuid } from '../../platform/http/schemas.js';
import { IMPLEMENTATION_STATES } from './rules/implementation.js';

export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
export const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
export const lit = <const T extends readonly string[]>(values: T) => Type.Enum([...values] as T[number][]);

export const Status = lit(IMPLEMENTATION_STATES);
const Ref = (description: string) => Type.Optional(Nullable(Type.String({ format: 'uuid', description })));
const statusFields = {
  kind: Type.Optional(lit(['implement', 'phase-out'] as const)),
  status: Status,
  notApplicableReason: Type.Optional(Nullable(Text(2000))),
  decisionDate: Type.Optional(Nullable(IsoDate)),
  decisionForumId: Ref('The forum that decided (a group the caller can see), from GET /forums'),
  decisionCaseId: Ref('The case the decision was taken in (a case the caller can read)'),
  decisionParagraphId: Ref(
    'The § of justerade minutes the decision is, from GET /decisions; its forum and case fill the empty fields',
  ),
  decisionElsewhere: Type.Optional(
    Nullable(
      Type.String({
        minLength: 1,
        maxLength: 300,
        description: 'A decision taken outside Navet (body and reference), instead of a §',
      }),
    ),
  ),
  responsibleGroupId: Type.Optional(Nullable(Uuid)),
  plannedStart: Type.Optional(Nullable(IsoDate)),
  plannedDone: Type.Optional(Nullable(IsoDate)),
  actualStart: Type.Optional(Nullable(IsoDate)),
  actualDone: Type.Optional(Nullable(IsoDate)),
  notes: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
};
export const CreateStatusBody = Type.Object(
  {
    supportVersionId: Uuid,
    regionCode: Type.String({ pattern: '^[0-9]{2}$' }),
    groupId: Type.Optional(Nullable(Uuid)),
    ...statusFields,
  },
  { additionalProperties: false },
);
export type CreateStatusInput = Static<typeof CreateStatusBody>;
export const UpdateStatusBody = Type.Object(
  { ...statusFields, status: Type.Optional(Status), version: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);
export const ImplementationStatus = Type.Object(
  {
    id: Uuid,
    supportId: Uuid,
    supportTitle: Type.String(),
    supportVersionId: Uuid,
    versionLabel: Type.String(),
    regionCode: Type.String(),
    groupId: Nullable(Uuid),
    kind: lit(['implement', 'phase-out'] as const),
    status: Status,
    notApplicableReason: Nullable(Type.String()),
    decisionDate: Nullable(Type.String()),
    decisionForum: Nullable(Type.String({ description: 'The forum’s name, or the legacy text when none was matched' })),
    decisionCaseRef: Nullable(Type.String({ description: 'The case number, or the legacy text when none was matched' })),
    decisionForumId: Nullable(Uuid),
    decisionCaseId: Nullable(Uuid),
    decisionParagraphId: Nullable(Uuid),
    decisionParagraphRef: Nullable(Type.String({ description: 'The §: forum, meeting date and number' })),
    decisionElsewhere: Nullable(Type.String()),
    legacyDecisionForum: Nullable(
      Type.String({ description: 'Free text from before forums were chosen, kept when it named no forum' }),
    ),
    legacyDecisionCaseRef: Nullable(
      Type.String({ description: 'Free text from before cases were chosen, kept when it named no case' }),
    ),
    responsibleGroupId: Nullable(Uuid),
    plannedStart: Nullable(Type.String()),
    plannedDone: Nullable(Type.String()),
    actualStart: Nullable(Type.String()),
    actualDone: Nullable(Type.String()),
    notes: Nullable(Type.String()),
    version: Type.Integer(),
    updatedAt: Type.String(),
    updatedBy: Nullable(Type.String()),
    mayEdit: Type.Boolean({ description: 'Whether the caller may change the status (the region’s coordinators)' }),
    allowedActions: Type.Array(Status, { description: 'The statuses the caller may move it to now (the lifecycle)' }),
  },
  { $id: 'ImplementationStatus' },
);
export const StatusHistory = Type.Object({
  items: Type.Array(Type.Object({ status: Status, validFrom: Type.String(), recordedAt: Type.String() })),
});
export const StatusListQuery = Type.Object(
  {
    region: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
    supportId: Type.Optional(Uuid),
    groupId: Type.Optional(Uuid),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })),
  },
  { additionalProperties: false },
);

export const ImplementationPermissions = Type.Object({
  writeRegions: Type.Array(Type.String(), {
    description: 'Regions (county codes) where the caller registers and changes statuses',
  }),
});

export const FileQuery = (formats: readonly string[]) =>
  Type.Object({ format: Type.Optional(lit(formats as readonly [string, ...string[]])) }, { additionalProperties: false });
