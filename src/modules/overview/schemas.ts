import { Type, type Static, type TSchema } from 'typebox';
import { IsoDate, Timestamp, Uuid } from '../../platform/http/schemas.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
/** A section: null when the caller's roles make it irrelevant (the page hides it), a list otherwise (maybe empty). */
const Section = <T extends TSchema>(item: T, description: string) => Nullable(Type.Array(item, { description }));

const CaseItem = Type.Object({
  id: Uuid,
  caseNumber: Type.String(),
  subject: Type.String(),
  region: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  receivedDate: IsoDate,
  dueDate: Nullable(IsoDate),
  daysLeft: Nullable(Type.Integer({ description: 'Dagar kvar till sista dag (negativt när den passerats)' })),
});

export const MyOverview = Type.Object(
  {
    today: IsoDate,
    week: Type.Object({ from: IsoDate, to: IsoDate }, { description: 'Veckan (måndag–söndag) som "denna vecka" avser' }),
    reminderDays: Type.Integer({ description: 'Påminnelsefönstret i dagar för uppdrag som slutar' }),
    regions: Type.Array(Type.Object({ code: Type.String(), name: Type.String() }), {
      description: 'Regionerna där du har en roll; med en enda region behöver du aldrig välja',
    }),
    unreadNotifications: Type.Integer(),
    milestones: Section(
      Type.Object({
        answerId: Uuid,
        roundTitle: Type.String(),
        caseNumber: Type.String(),
        region: Type.String(),
        regionName: Type.String(),
        kind: Type.String(),
        label: Type.String(),
        dueOn: IsoDate,
        daysLeft: Type.Integer(),
        late: Type.Boolean(),
      }),
      'Remissvarens nästa milstolpe, närmast först',
    ),
    triage: Section(CaseItem, 'Ärenden som väntar på triagering där du triagerar'),
    cases: Section(CaseItem, 'Öppna ärenden du handlägger eller har en åtgärd i'),
    justering: Section(
      Type.Object({ meetingId: Uuid, forumName: Type.String(), meetingDate: IsoDate }),
      'Protokoll som väntar på din justering',
    ),
    declarations: Section(
      Type.Object({ declarationId: Uuid, personId: Uuid, personName: Type.String(), submittedAt: Timestamp }),
      'Jävsdeklarationer att granska',
    ),
    mandates: Section(
      Type.Object({
        membershipId: Uuid,
        personId: Uuid,
        personName: Type.String(),
        groupId: Uuid,
        groupName: Type.String(),
        role: Type.String(),
        endDate: IsoDate,
        daysLeft: Type.Integer(),
      }),
      'Uppdrag som slutar inom påminnelsefönstret',
    ),
    claims: Section(
      Type.Object({
        claimId: Uuid,
        personId: Uuid,
        personName: Type.String(),
        groupName: Type.String(),
        assignmentDate: IsoDate,
        totalOre: Type.Integer(),
      }),
      'Ersättningsanspråk att attestera',
    ),
    surveys: Section(
      Type.Object({
        surveyId: Uuid,
        answerId: Uuid,
        title: Type.String(),
        closesOn: IsoDate,
        daysLeft: Type.Integer(),
        recipients: Type.Integer(),
        responded: Type.Integer(),
      }),
      'Öppna enkäter med antal svar',
    ),
    meetings: Section(
      Type.Object({
        meetingId: Uuid,
        forumId: Uuid,
        forumName: Type.String(),
        date: IsoDate,
        startTime: Type.String(),
        endTime: Type.String(),
        place: Nullable(Type.String()),
      }),
      'Dina möten denna vecka',
    ),
  },
  { $id: 'MyOverview' },
);
export type MyOverviewT = Static<typeof MyOverview>;
