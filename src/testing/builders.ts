import { randomUUID } from 'node:crypto';
import type { Ctx, RoleAssignment } from '../platform/context.js';
import { systemActor, systemCtx } from '../platform/context.js';
import type { Db } from '../platform/db/index.js';
import { createUser } from '../modules/users/create-user.js';
import { createGroup } from '../modules/organisation/create-group.js';
import type { GroupKind, Level } from '../modules/organisation/rules/structure.js';
import { createPerson, type PersonInput } from '../modules/people/create-person.js';
import { submitJavDeclaration } from '../modules/people/submit-jav-declaration.js';
import { reviewJavDeclaration } from '../modules/people/review-jav-declaration.js';
import { registerCase, type RegisterCaseInput } from '../modules/cases/register-case.js';
import { createSupport, type CreateSupportInput } from '../modules/knowledge/create-support.js';
import type { ConsequenceInput } from '../modules/knowledge/check.js';
import { createRound, type CreateRoundInput } from '../modules/consultation/rounds/create-round.js';
import { createIndicator } from '../modules/indicators/create-indicator.js';
import type { IndicatorWrite } from '../modules/indicators/repository.js';
import type { ImplementationState } from '../modules/implementation/rules/implementation.js';
import { createImplementationStatus } from '../modules/implementation/create-status.js';
import { appointMember } from '../modules/people/appoint-member.js';
import { clock } from '../platform/clock.js';
import { createRateModel } from '../modules/compensation/save-rate-model.js';
import type { RateModelWrite } from '../modules/compensation/repository.js';

/**
 * Builders make valid aggregates with unique values. The tests use them to set up their
 * own regions and groups, and the demo data is made with the same functions.
 */
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomUUID().slice(0, 4)}`;

export const DEFAULT_TEST_PASSWORD = 'korrekt-häst-batteri-häftklammer';

export async function buildUser(
  db: Db,
  o: { name?: string; email?: string; password?: string; roles?: RoleAssignment[]; isDemo?: boolean } = {},
  ctx: Ctx = systemCtx('builder'),
) {
  const id = unique();
  return createUser(db, ctx, {
    name: o.name ?? `Testperson ${id}`,
    email: o.email ?? `test-${id}@example.se`,
    password: o.password ?? DEFAULT_TEST_PASSWORD,
    roles: o.roles ?? [],
    ...(o.isDemo ? { isDemo: true } : {}),
  });
}

export const buildAdmin = (db: Db, o: Parameters<typeof buildUser>[1] = {}) =>
  buildUser(db, { ...o, roles: [{ role: 'admin', scopeType: 'system', scopeId: '' }, ...(o.roles ?? [])] });

export interface GroupSeed {
  kind: GroupKind;
  level: Level;
  owner: string;
  name?: string;
  shortName?: string;
  programAreaIds?: string[];
  mirrorsGroupId?: string;
  parentGroupId?: string;
  parentRelation?: 'reports-to' | 'prepares-for' | 'appointed-by' | 'part-of';
  isSubGroup?: boolean;
  hostDescription?: string;
  isDemo?: boolean;
  startDate?: string;
  mandate?: string;
  /** The decision that set the group up (migration 0052); a working group gets one taken elsewhere by default. */
  setupParagraphId?: string;
  setupElsewhere?: string;
  hostConsultation?: string;
}

/** A local program-area group (LPO) for a region, e.g. buildLpo(db, { region: '10', programAreaId: 'akut-vard' }). */
export function buildLpo(
  db: Db,
  o: { region: string; programAreaId: string; name?: string; isDemo?: boolean; startDate?: string; mandate?: string },
  ctx?: Ctx,
) {
  return buildGroup(
    db,
    {
      kind: 'program-area',
      level: 'region',
      owner: o.region,
      name: o.name ?? `LPO ${o.programAreaId} ${unique()}`,
      programAreaIds: [o.programAreaId],
      ...(o.isDemo ? { isDemo: true } : {}),
      ...(o.startDate ? { startDate: o.startDate } : {}),
      ...(o.mandate ? { mandate: o.mandate } : {}),
    },
    ctx,
  );
}

/** Any group, through the same use case as the API: valid by the structure's rules. */
export function buildGroup(db: Db, g: GroupSeed, ctx: Ctx = systemCtx('builder')) {
  return createGroup(db, ctx, {
    kind: g.kind,
    level: g.level,
    owner: g.owner,
    name: g.name ?? `Grupp ${unique()}`,
    shortName: g.shortName ?? null,
    programAreaIds: g.programAreaIds ?? [],
    mirrorsGroupId: g.mirrorsGroupId ?? null,
    parentGroupId: g.parentGroupId ?? null,
    parentRelation: g.parentRelation ?? (g.parentGroupId ? 'reports-to' : null),
    isSubGroup: g.isSubGroup ?? false,
    contactEmail: null,
    hostDescription: g.hostDescription ?? null,
    startDate: g.startDate ?? null,
    isDemo: g.isDemo ?? false,
    setupParagraphId: g.setupParagraphId ?? null,
    // seed 002: an LAG is set up only by decision; a built working group names one
    setupElsewhere:
      g.setupElsewhere ??
      (g.kind === 'working-group' && !g.setupParagraphId ? 'Beslut fattat utanför Navet (byggd grupp)' : null),
    hostConsultation: g.hostConsultation ?? null,
    ...(g.mandate ? { mandate: g.mandate } : {}),
  });
}

/** A person in an owner's register (a region's by default). */
export function buildPerson(db: Db, o: Partial<PersonInput> & { homeOwner?: string } = {}, ctx: Ctx = systemCtx('builder')) {
  const id = unique();
  return createPerson(db, ctx, {
    name: o.name ?? `Person ${id}`,
    email: o.email ?? `person-${id}@example.se`,
    employer: o.employer ?? null,
    employerType: o.employerType ?? null,
    profession: o.profession ?? null,
    homeOwner: o.homeOwner ?? 'national',
    ...(o.isDemo ? { isDemo: true } : {}),
  });
}

/** A person with a submitted and approved jäv declaration, ready to be appointed. */
export async function buildDeclaredPerson(db: Db, o: Parameters<typeof buildPerson>[1] = {}, ctx: Ctx = systemCtx('builder')) {
  const person = await buildPerson(db, o, ctx);
  const declaration = await submitJavDeclaration(db, ctx, person.id, { nothingToDeclare: true, interests: [] });
  // The system actor submitted it; a separate reviewer identity approves it.
  await reviewJavDeclaration(
    db,
    { ...ctx, actor: { ...systemActor, userId: '00000000-0000-0000-0000-000000000001', email: 'granskare@navet.local' } },
    declaration.id,
    { decision: 'approved' },
  );
  return person;
}

export function buildCase(db: Db, o: Partial<RegisterCaseInput> & { region: string }, ctx: Ctx = systemCtx('builder')) {
  return registerCase(db, ctx, {
    subject: o.subject ?? `Ärende ${unique()}`,
    origin: o.origin ?? 'national',
    sender: o.sender ?? 'Nationellt programområde',
    receivedDate: o.receivedDate ?? '2026-11-02',
    region: o.region,
    ...(o.secret ? { secret: true, secrecyGround: o.secrecyGround ?? 'OSL 25 kap. 1 §' } : {}),
  });
}

/**
 * A national knowledge support with a first version (label "1.0"), under framtagande unless
 * told otherwise. Consequences default to none; pass e.g.
 * `consequences: [{ dimension: 'resources', significance: 'significant', text: '…' }]` for an
 * öppen remiss. Returns the support row with `firstVersionId`.
 */
export function buildKnowledgeSupport(
  db: Db,
  o: Partial<Omit<CreateSupportInput, 'firstVersion'>> & {
    versionLabel?: string;
    consequences?: { dimension: string; significance: string; text?: string | null }[];
  } = {},
  ctx: Ctx = systemCtx('builder'),
) {
  const { versionLabel, consequences, ...rest } = o;
  return createSupport(db, ctx, {
    type: 'vardprogram',
    title: `Kunskapsstöd ${unique()}`,
    producerKind: 'npo',
    producerGroupId: null,
    producerName: 'Nationellt programområde (test)',
    sender: 'Nationellt system för kunskapsstyrning hälso- och sjukvård',
    url: null,
    summary: null,
    targetGroups: [],
    programAreaIds: [],
    nextRevisionDate: null,
    validFrom: null,
    validUntil: null,
    ...rest,
    // tests name dimensions as text; the use case checks them as it checks a body
    firstVersion: { label: versionLabel ?? '1.0', consequences: (consequences ?? []) as ConsequenceInput[] },
  });
}

/**
 * A consultation round on a version (a new support's first version when none is given),
 * placed by the calendar from `today` (default the product's today; with the clock on 2026-11-26 →
 * synpunktsinhämtning 2026-12-01–2026-12-29, öppen remiss 2027-02-15–2027-04-14). Recipients
 * default to every region.
 */
export async function buildConsultationRound(
  db: Db,
  o: Partial<CreateRoundInput> & { consequences?: { dimension: string; significance: string; text?: string | null }[] } = {},
  ctx: Ctx = systemCtx('builder'),
) {
  const { consequences, ...rest } = o;
  const supportVersionId =
    rest.supportVersionId ?? (await buildKnowledgeSupport(db, consequences ? { consequences } : {}, ctx)).firstVersionId!;
  return createRound(db, ctx, { today: clock.today(), ...rest, supportVersionId });
}

/** A national indicator (follow-up), monthly by default, e.g. buildIndicator(db, { direction: 'lower' }). */
export function buildIndicator(db: Db, o: Partial<IndicatorWrite> & { isDemo?: boolean } = {}, ctx: Ctx = systemCtx('builder')) {
  const { isDemo, ...rest } = o;
  return createIndicator(
    db,
    ctx,
    {
      code: `IND-${unique()}`.slice(0, 40),
      goalId: null,
      name: `Indikator ${unique()}`,
      definition: 'Andel patienter som fått behandling inom fyra veckor.',
      unit: '%',
      direction: 'higher',
      periodicity: 'month',
      source: 'waiting-time-database',
      sourceName: null,
      targetValue: null,
      alertValue: null,
      programAreaId: null,
      ...rest,
    },
    isDemo ? { isDemo } : {},
  );
}

/** A region's implementation status for a (new, published) knowledge support's first version. */
export async function buildImplementationStatus(
  db: Db,
  o: {
    region: string;
    status?: ImplementationState;
    supportVersionId?: string;
    groupId?: string | null;
    notApplicableReason?: string;
    actualDone?: string;
  },
  ctx: Ctx = systemCtx('builder'),
) {
  const versionId = o.supportVersionId ?? (await buildKnowledgeSupport(db, { status: 'publicerad' }, ctx)).firstVersionId!;
  const status = o.status ?? 'planerad';
  return createImplementationStatus(
    db,
    ctx,
    { supportVersionId: versionId, regionCode: o.region, groupId: o.groupId ?? null },
    {
      kind: 'implement',
      status,
      notApplicableReason: o.notApplicableReason ?? null,
      decisionDate: null,
      decisionForumId: null,
      decisionCaseId: null,
      decisionParagraphId: null,
      decisionElsewhere: null,
      legacyDecisionForum: null,
      legacyDecisionCaseRef: null,
      responsibleGroupId: null,
      plannedStart: null,
      plannedDone: null,
      actualStart: null,
      actualDone: o.actualDone ?? (status === 'inford' || status === 'uppfoljd' ? '2026-10-01' : null),
      notes: null,
    },
  );
}

/**
 * A member of a forum (meetings): a person with an approved jäv declaration — with
 * restrictions when given — appointed to the group in a role from 2026-01-01.
 */
export async function buildForumMember(
  db: Db,
  o: {
    groupId: string;
    role: string;
    homeOwner?: string;
    name?: string;
    email?: string;
    isDemo?: boolean;
    restrictions?: { programAreaId?: string; knowledgeSupport?: string; note: string }[];
  },
  ctx: Ctx = systemCtx('builder'),
) {
  const person = await buildPerson(
    db,
    {
      homeOwner: o.homeOwner ?? '10',
      ...(o.name ? { name: o.name } : {}),
      ...(o.email ? { email: o.email } : {}),
      ...(o.isDemo ? { isDemo: true } : {}),
    },
    ctx,
  );
  const restricted = Boolean(o.restrictions?.length);
  const declaration = await submitJavDeclaration(db, ctx, person.id, {
    nothingToDeclare: !restricted,
    interests: restricted ? [{ category: 'assignment', description: 'Uppdrag som berör programområdet' }] : [],
  });
  await reviewJavDeclaration(
    db,
    { ...ctx, actor: { ...systemActor, userId: '00000000-0000-0000-0000-000000000001', email: 'granskare@navet.local' } },
    declaration.id,
    restricted ? { decision: 'approved-with-restrictions', restrictions: o.restrictions! } : { decision: 'approved' },
  );
  await appointMember(db, ctx, o.groupId, { personId: person.id, role: o.role, startDate: '2026-01-01' });
  return person;
}

/**
 * A compensation rate model for tests. Navet ships none (the national levels are not in its
 * sources): the amounts are made up, for 2026 unless said otherwise.
 */
export function buildRateModel(db: Db, o: Partial<RateModelWrite> = {}, ctx: Ctx = systemCtx('builder')) {
  return createRateModel(db, ctx, {
    name: `Testmodell ${unique()} (påhittade belopp)`,
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    meetingFeeOre: 50000,
    halfDayFeeOre: 90000,
    fullDayFeeOre: 180000,
    hourlyFeeOre: 22500,
    mileageOrePerKm: 250,
    lossOfIncomeMaxOrePerDay: null,
    source: null,
    ...o,
  });
}
