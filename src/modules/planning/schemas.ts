/**
 * Route schemas of plans and PDSA cycles. The web's forms check their bodies with these, so this
 * file imports only TypeBox, the platform's schema parts and the module's pure rules.
 */
import { Type, type Static } from 'typebox';
import { IsoDate, Uuid } from '../../platform/http/schemas.js';
import { PDSA_PHASES } from './rules/pdsa.js';
import { PLAN_STATES, PROGRESS, RATIONALES } from './rules/plan.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const lit = <const T extends readonly string[]>(values: T) => Type.Enum([...values] as T[number][]);

const PlanItem = Type.Object(
  {
    priority: Type.Integer({ minimum: 1, maximum: 999 }),
    title: Text(300),
    rationaleKind: lit(RATIONALES),
    rationale: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    ownerName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    supportId: Type.Optional(Nullable(Uuid)),
    startsOn: Type.Optional(Nullable(IsoDate)),
    endsOn: Type.Optional(Nullable(IsoDate)),
    workingGroupStartsOn: Type.Optional(Nullable(IsoDate)),
    progress: Type.Optional(lit(PROGRESS)),
  },
  { additionalProperties: false },
);
export type PlanItemInput = Static<typeof PlanItem>;
export const CreatePlanBody = Type.Object(
  {
    groupId: Uuid,
    startYear: Type.Integer({ minimum: 2000, maximum: 2100 }),
    title: Text(300),
    items: Type.Array(PlanItem, { maxItems: 100 }),
  },
  { additionalProperties: false },
);
export const UpdatePlanBody = Type.Object(
  {
    title: Type.Optional(Text(300)),
    items: Type.Optional(Type.Array(PlanItem, { maxItems: 100 })),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export const TransitionPlanBody = Type.Object(
  {
    to: lit(['agreed', 'established'] as const),
    agreedWith: Type.Optional(Type.String({ maxLength: 500 })),
    decisionRef: Type.Optional(Type.String({ maxLength: 100 })),
    establishedOn: Type.Optional(IsoDate),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type TransitionPlanInput = Static<typeof TransitionPlanBody>;
export const PlanListQuery = Type.Object(
  { groupId: Type.Optional(Uuid), region: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })) },
  { additionalProperties: false },
);
const PlanItemOut = Type.Object({
  priority: Type.Integer(),
  title: Type.String(),
  rationaleKind: lit(RATIONALES),
  rationale: Nullable(Type.String()),
  ownerName: Nullable(Type.String()),
  supportId: Nullable(Type.String()),
  startsOn: Nullable(Type.String()),
  endsOn: Nullable(Type.String()),
  workingGroupStartsOn: Nullable(Type.String()),
  progress: lit(PROGRESS),
});
const planFields = {
  id: Uuid,
  groupId: Uuid,
  groupName: Type.String(),
  regionCode: Type.String(),
  startYear: Type.Integer(),
  endYear: Type.Integer(),
  title: Type.String(),
  state: lit(PLAN_STATES),
  agreedWith: Nullable(Type.String()),
  decisionRef: Nullable(Type.String()),
  establishedOn: Nullable(Type.String()),
  version: Type.Integer(),
};
export const PlanSummary = Type.Object(planFields);
export const Plan = Type.Object({
  ...planFields,
  items: Type.Array(PlanItemOut),
  comparison: Nullable(
    Type.Object({
      previousPlanId: Uuid,
      previousStartYear: Type.Integer(),
      added: Type.Array(Type.String()),
      removed: Type.Array(Type.Object({ title: Type.String(), progress: Type.String() })),
      reprioritised: Type.Array(Type.Object({ title: Type.String(), from: Type.Integer(), to: Type.Integer() })),
    }),
  ),
  mayEdit: Type.Boolean({ description: 'Whether the caller may change the plan (its content while a draft, else its progress)' }),
  locked: Type.Boolean({ description: 'Established: the content is kept, only the items’ progress moves' }),
  allowedActions: Type.Array(lit(['agree', 'establish'] as const), { description: 'The steps the caller may take now' }),
});

export const PlanningPermissions = Type.Object({
  planGroupIds: Type.Array(Uuid, { description: 'Regional groups whose plans the caller writes' }),
  pdsaRegions: Type.Array(Type.String(), { description: 'Regions whose PDSA cycles the caller writes' }),
});

export const Pdsa = Type.Object({
  id: Uuid,
  indicatorId: Uuid,
  regionCode: Type.String(),
  groupId: Nullable(Uuid),
  title: Type.String(),
  phase: lit(PDSA_PHASES),
  plan: Nullable(Type.String()),
  do: Nullable(Type.String()),
  study: Nullable(Type.String()),
  act: Nullable(Type.String()),
  startedOn: Nullable(Type.String()),
  version: Type.Integer(),
  mayEdit: Type.Boolean({ description: 'Whether the caller may write in the cycle' }),
  allowedActions: Type.Array(lit(['do', 'study', 'act', 'closed'] as const), {
    description: 'The phase the caller may move it to now',
  }),
});
export const CreatePdsaBody = Type.Object(
  {
    indicatorId: Uuid,
    regionCode: Type.String({ pattern: '^[0-9]{2}$' }),
    groupId: Type.Optional(Nullable(Uuid)),
    title: Text(300),
    plan: Type.Optional(Nullable(Type.String({ maxLength: 10000 }))),
    startedOn: Type.Optional(Nullable(IsoDate)),
  },
  { additionalProperties: false },
);
export const UpdatePdsaBody = Type.Object(
  {
    title: Type.Optional(Text(300)),
    phase: Type.Optional(lit(PDSA_PHASES)),
    plan: Type.Optional(Nullable(Type.String({ maxLength: 10000 }))),
    do: Type.Optional(Nullable(Type.String({ maxLength: 10000 }))),
    study: Type.Optional(Nullable(Type.String({ maxLength: 10000 }))),
    act: Type.Optional(Nullable(Type.String({ maxLength: 10000 }))),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type UpdatePdsaInput = Static<typeof UpdatePdsaBody>;
