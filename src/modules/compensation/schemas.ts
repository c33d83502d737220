import { Type } from 'typebox';
import { IsoDate, Timestamp, Uuid } from '../../platform/http/schemas.js';
import { TIME_UNITS } from './rules/amounts.js';
import { claimLifecycle } from './rules/claim-state.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Ore = (description: string, maximum = 100000000) => Type.Integer({ minimum: 0, maximum, description });
const TimeUnit = Type.Union(
  TIME_UNITS.map((u) => Type.Literal(u)),
  {
    description: 'meeting = ett möte, half-day = halvdag, full-day = heldag, hours = timmar (minutes anger tiden)',
  },
);
const ClaimStatus = Type.Union(claimLifecycle.statuses.map((s) => Type.Literal(s)));
const ClaimAction = Type.Union(claimLifecycle.actionNames.map((a) => Type.Literal(a)));

const rateFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  validFrom: IsoDate,
  validTo: Nullable(IsoDate),
  lossOfIncomeMaxOrePerDay: Nullable(
    Ore('Inkomstbortfall: högst så mycket per uppdragsdag mot intyg, öre; null = modellen ersätter inte inkomstbortfall'),
  ),
  meetingFeeOre: Ore('Arvode per möte, öre'),
  halfDayFeeOre: Ore('Arvode per halvdag, öre'),
  fullDayFeeOre: Ore('Arvode per heldag (också tak för timarvode per dag), öre'),
  hourlyFeeOre: Ore('Arvode per timme, öre'),
  mileageOrePerKm: Ore('Milersättning per kilometer, öre', 1000000),
};

export const RateModel = Type.Object(
  {
    id: Uuid,
    ...rateFields,
    source: Nullable(Type.String()),
    isExample: Type.Boolean({ description: 'Exempelmodellen som följer med Navet, inte årets nationella nivåer' }),
    claimCount: Type.Integer({ description: 'Anspråk som räknats med modellen' }),
    version: Type.Integer(),
    updatedAt: Timestamp,
  },
  { $id: 'CompensationRateModel' },
);

const rateBodyFields = {
  ...rateFields,
  validTo: Type.Optional(Nullable(IsoDate)),
  lossOfIncomeMaxOrePerDay: Type.Optional(rateFields.lossOfIncomeMaxOrePerDay),
  source: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
};
export const RateModelBody = Type.Object(rateBodyFields, { additionalProperties: false });
export const RateModelPatch = Type.Object(
  { ...rateBodyFields, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export const RateGap = Type.Object(
  { from: IsoDate, to: Nullable(IsoDate) },
  { description: 'Dagar som ingen modell täcker: Ersättningsnivåer saknas för perioden' },
);

const Name = Type.String({ minLength: 1, maxLength: 200 });
const Notes = Type.String({ maxLength: 4000 });

export const Participant = Type.Object(
  {
    id: Uuid,
    personId: Uuid,
    personName: Type.String(),
    groupId: Uuid,
    groupName: Type.String(),
    recruitedOn: IsoDate,
    recruitedBy: Type.String(),
    introducedOn: Nullable(IsoDate),
    introducedBy: Nullable(Type.String()),
    notes: Nullable(Type.String()),
    permissions: Type.Object({ manage: Type.Boolean() }),
    version: Type.Integer(),
  },
  { $id: 'CompensationParticipant' },
);

export const ParticipantBody = Type.Object(
  {
    personId: Uuid,
    groupId: Uuid,
    recruitedOn: IsoDate,
    recruitedBy: Name,
    introducedOn: Type.Optional(Nullable(IsoDate)),
    introducedBy: Type.Optional(Nullable(Name)),
    notes: Type.Optional(Nullable(Notes)),
  },
  { additionalProperties: false },
);

export const ParticipantPatch = Type.Object(
  {
    recruitedOn: IsoDate,
    recruitedBy: Name,
    introducedOn: Nullable(IsoDate),
    introducedBy: Nullable(Name),
    notes: Nullable(Notes),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);

export const Assignment = Type.Object(
  {
    id: Uuid,
    participantId: Uuid,
    personId: Uuid,
    personName: Type.String(),
    groupId: Uuid,
    groupName: Type.String(),
    kind: Type.Union([Type.Literal('meeting'), Type.Literal('work')]),
    date: IsoDate,
    timeUnit: TimeUnit,
    minutes: Nullable(Type.Integer()),
    description: Type.String(),
    claimId: Nullable(Uuid),
  },
  { $id: 'CompensationAssignment' },
);

export const AssignmentBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('meeting'), Type.Literal('work')]),
    date: IsoDate,
    timeUnit: TimeUnit,
    minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440, description: 'Bara för timeUnit hours' })),
    description: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);

const travelFields = {
  distanceKm: Type.Integer({ minimum: 0, maximum: 10000, description: 'Körd sträcka med egen bil, hela km (tur och retur)' }),
  travelCostsOre: Ore('Andra resekostnader enligt kvitto (biljetter, parkering), öre', 10000000),
  lossOfIncomeOre: Type.Optional(Ore('Inkomstbortfall för dagen enligt intyg, öre (högst modellens tak)', 10000000)),
  note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
};

export const ClaimBody = Type.Object({ assignmentId: Uuid, ...travelFields }, { additionalProperties: false });
export const ResubmitBody = Type.Object(
  { ...travelFields, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export const DecideBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }), comment: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export const VersionBody = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

const AmountsSchema = Type.Object({
  feeOre: Type.Integer(),
  mileageOre: Type.Integer(),
  travelCostsOre: Type.Integer(),
  lossOfIncomeOre: Type.Integer(),
  totalOre: Type.Integer(),
});

export const Claim = Type.Object(
  {
    id: Uuid,
    assignmentId: Uuid,
    personId: Uuid,
    personName: Type.String(),
    groupId: Uuid,
    groupName: Type.String(),
    status: ClaimStatus,
    date: IsoDate,
    kind: Type.String(),
    timeUnit: TimeUnit,
    minutes: Nullable(Type.Integer()),
    description: Type.String(),
    distanceKm: Type.Integer(),
    note: Nullable(Type.String()),
    rateModelId: Uuid,
    amounts: AmountsSchema,
    submittedAt: Timestamp,
    decidedAt: Nullable(Timestamp),
    decisionComment: Nullable(Type.String()),
    allowedActions: Type.Array(ClaimAction, {
      description: 'Vad du kan göra med anspråket nu (från livscykeln och din roll); knapparna visas från listan',
    }),
    permissions: Type.Object({ approve: Type.Boolean(), resubmit: Type.Boolean(), withdraw: Type.Boolean() }),
    version: Type.Integer(),
  },
  { $id: 'CompensationClaim' },
);

export const ClaimListQuery = Type.Object(
  {
    status: Type.Optional(ClaimStatus),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    personId: Type.Optional(Uuid),
    groupId: Type.Optional(Uuid),
    scope: Type.Optional(
      Type.Union([Type.Literal('mine'), Type.Literal('all')], {
        description: 'mine = bara egna anspråk; all (standard) = allt du får se',
      }),
    ),
  },
  { additionalProperties: false },
);

export const QuoteQuery = Type.Object(
  {
    assignmentId: Uuid,
    distanceKm: Type.Integer({ minimum: 0, maximum: 10000 }),
    travelCostsOre: Type.Integer({ minimum: 0, maximum: 10000000 }),
    lossOfIncomeOre: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000000 })),
  },
  { additionalProperties: false },
);
export const Quote = Type.Object({ rateModelId: Uuid, rateModelName: Type.String(), amounts: AmountsSchema });

export const ExportQuery = Type.Object(
  {
    format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    groupId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const TotalsQuery = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }, { additionalProperties: false });
const TotalRow = Type.Object({
  id: Type.String(),
  name: Type.String(),
  claims: Type.Integer(),
  feeOre: Type.Integer(),
  mileageOre: Type.Integer(),
  travelCostsOre: Type.Integer(),
  lossOfIncomeOre: Type.Integer(),
  totalOre: Type.Integer(),
});
export const Totals = Type.Object({
  year: Type.Integer(),
  perPerson: Type.Array(TotalRow),
  perGroup: Type.Array(TotalRow),
  total: AmountsSchema,
});
