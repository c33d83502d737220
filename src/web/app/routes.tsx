import type { ReactNode } from 'react';
import { ApiTokensPage } from '../account/ApiTokensPage';
import { AuditPage } from '../admin/AuditPage';
import { UsersPage } from '../admin/UsersPage';
import { UserRolesPage } from '../admin/UserRolesPage';
import { WebhooksPage } from '../admin/WebhooksPage';
import { SendersPage } from '../admin/SendersPage';
import { ScimClientsPage } from '../admin/ScimClientsPage';
import { LoginPage } from '../auth/LoginPage';
import { GroupPage } from '../organisation/GroupPage';
import { HealthcareRegionPage } from '../organisation/HealthcareRegionPage';
import { HealthcareRegionsPage } from '../organisation/HealthcareRegionsPage';
import { HostingPage } from '../organisation/HostingPage';
import { MatrixPage } from '../organisation/MatrixPage';
import { NationalGroupsPage } from '../organisation/NationalGroupsPage';
import { NewGroupPage } from '../organisation/NewGroupPage';
import { OrganisationPage } from '../organisation/OrganisationPage';
import { OrgChartPage } from '../organisation/OrgChartPage';
import { ProgramAreasPage } from '../organisation/ProgramAreasPage';
import { RegionPage } from '../organisation/RegionPage';
import { RegionsPage } from '../organisation/RegionsPage';
import { StructurePage } from '../organisation/StructurePage';
import { SwedenPage } from '../organisation/SwedenPage';
import { CasesPage } from '../cases/CasesPage';
import { DecisionLogPage } from '../meetings/DecisionLogPage';
import { PublicDecisionsPage } from '../meetings/PublicDecisionsPage';
import { ForumPage } from '../meetings/ForumPage';
import { MeetingPage } from '../meetings/MeetingPage';
import { MeetingsHomePage } from '../meetings/MeetingsHomePage';
import { NewMeetingPage } from '../meetings/NewMeetingPage';
import { AnswerPage } from '../consultations/AnswerPage';
import { BoardPage } from '../consultations/BoardPage';
import { JointAnswerPage } from '../consultations/JointAnswerPage';
import { ConsultationsPage } from '../consultations/OverviewPage';
import { SurveyFormPage } from '../consultations/SurveyFormPage';
import { InvitationFormPage } from '../consultations/InvitationFormPage';
import { CasePage } from '../cases/CasePage';
import { ClassificationPage } from '../cases/ClassificationPage';
import { DiaryPage } from '../cases/DiaryPage';
import { MyCasesPage } from '../cases/MyCasesPage';
import { NewCasePage } from '../cases/NewCasePage';
import { TriagePage } from '../cases/TriagePage';
import { NewPersonPage } from '../people/NewPersonPage';
import { PeoplePage } from '../people/PeoplePage';
import { PersonImportPage } from '../people/PersonImportPage';
import { PersonPage } from '../people/PersonPage';
import { ReviewQueuePage } from '../people/ReviewQueuePage';
import { ExpiringPage } from '../mandates/ExpiringPage';
import { GapsPage } from '../mandates/GapsPage';
import { GroupMandatesPage } from '../mandates/GroupMandatesPage';
import { NominationsPage } from '../mandates/NominationsPage';
import { PublicRegisterPage } from '../mandates/PublicRegisterPage';
import { RulesPage } from '../mandates/RulesPage';
import { ApprovalPage } from '../compensation/ApprovalPage';
import { ClaimsPage } from '../compensation/ClaimsPage';
import { ParticipantsPage } from '../compensation/ParticipantsPage';
import { ParticipationPage } from '../compensation/ParticipationPage';
import { PersonCompensationPage } from '../compensation/PersonCompensationPage';
import { RatesPage } from '../compensation/RatesPage';
import { RegisterExtractPage } from '../records/RegisterExtractPage';
import { RetentionRulesPage } from '../records/RetentionRulesPage';
import { CataloguePage } from '../knowledge/CataloguePage';
import { CatalogueImportPage } from '../knowledge/CatalogueImportPage';
import { NewRoundPage } from '../knowledge/NewRoundPage';
import { RoundsPage } from '../knowledge/RoundsPage';
import { EditSupportPage, NewSupportPage } from '../knowledge/SupportFormPage';
import { SupportPage } from '../knowledge/SupportPage';
import { AccessibilityPage } from '../pages/AccessibilityPage';
import { NotBuiltPage } from '../pages/NotBuiltPage';
import { StartPage } from '../pages/StartPage';
import { NotificationsPage } from '../overview/NotificationsPage';
import { TransparencyPage } from '../trust/TransparencyPage';
import { CAPABILITIES } from './capabilities';
import { FollowupHomePage } from '../followup/FollowupHomePage';
import { GoalsPage } from '../followup/GoalsPage';
import { PdsaPage } from '../followup/PdsaPage';
import { RegionStatusPage, StatusEditPage } from '../followup/RegionStatusPage';
import { HeatmapPage, RegionDrillPage } from '../followup/HeatmapPage';
import { ImportPage } from '../followup/ImportPage';
import { IndicatorPage } from '../followup/IndicatorPage';
import { IndicatorFormPage } from '../followup/IndicatorFormPage';
import { SourcesPage } from '../followup/SourcesPage';
import { PlanPage, PlansPage } from '../followup/PlansPage';
import { ObligationsPage } from '../followup/ObligationsPage';

/** public: anyone; user: signed in; admin: role admin at scope system. */
export type Access = 'public' | 'user' | 'admin';

export interface RouteDef {
  pattern: string;
  access: Access;
  render: (params: Record<string, string>) => ReactNode;
}

export const ROUTES: RouteDef[] = [
  { pattern: '/', access: 'public', render: () => <StartPage /> },
  { pattern: '/logga-in', access: 'public', render: () => <LoginPage /> },
  { pattern: '/tillganglighet', access: 'public', render: () => <AccessibilityPage /> },
  { pattern: '/aviseringar', access: 'public', render: () => <NotificationsPage /> },
  // Reference data is public (insyn); the server decides, and a 401 shows a sign-in link.
  { pattern: '/organisation', access: 'public', render: () => <OrganisationPage /> },
  { pattern: '/organisation/sverige', access: 'public', render: () => <SwedenPage /> },
  { pattern: '/organisation/sjukvardsregioner', access: 'public', render: () => <HealthcareRegionsPage /> },
  { pattern: '/organisation/sjukvardsregioner/:id', access: 'public', render: (p) => <HealthcareRegionPage id={p.id ?? ''} /> },
  { pattern: '/organisation/regioner', access: 'public', render: () => <RegionsPage /> },
  { pattern: '/organisation/regioner/:code', access: 'public', render: (p) => <RegionPage code={p.code ?? ''} /> },
  { pattern: '/organisation/programomraden', access: 'public', render: () => <ProgramAreasPage /> },
  { pattern: '/organisation/samverkansgrupper', access: 'public', render: () => <NationalGroupsPage /> },
  { pattern: '/organisation/struktur', access: 'public', render: () => <StructurePage /> },
  // "ny" before ":id", which would otherwise match it
  { pattern: '/organisation/grupper/ny', access: 'user', render: () => <NewGroupPage /> },
  { pattern: '/organisation/grupper/:id', access: 'public', render: (p) => <GroupPage id={p.id ?? ''} /> },
  { pattern: '/organisation/organisationsschema', access: 'public', render: () => <OrgChartPage /> },
  { pattern: '/organisation/speglingsmatris', access: 'public', render: () => <MatrixPage /> },
  { pattern: '/organisation/vardskap', access: 'public', render: () => <HostingPage /> },
  // People and cases need a signed-in user; their pages say so themselves, under their own h1.
  { pattern: '/personer-och-uppdrag', access: 'public', render: () => <PeoplePage /> },
  { pattern: '/personer-och-uppdrag/ny', access: 'public', render: () => <NewPersonPage /> },
  { pattern: '/personer-och-uppdrag/las-in', access: 'public', render: () => <PersonImportPage /> },
  { pattern: '/personer-och-uppdrag/granskning', access: 'public', render: () => <ReviewQueuePage /> },
  { pattern: '/personer-och-uppdrag/personer/:id', access: 'public', render: (p) => <PersonPage id={p.id ?? ''} /> },
  { pattern: '/personer-och-uppdrag/grupper/:id', access: 'public', render: (p) => <GroupMandatesPage id={p.id ?? ''} /> },
  { pattern: '/personer-och-uppdrag/sammansattning', access: 'public', render: () => <GapsPage /> },
  { pattern: '/personer-och-uppdrag/utgaende', access: 'public', render: () => <ExpiringPage /> },
  { pattern: '/personer-och-uppdrag/nomineringar', access: 'public', render: () => <NominationsPage /> },
  { pattern: '/vem-sitter-var', access: 'public', render: () => <PublicRegisterPage /> },
  { pattern: '/admin/sammansattningsregler', access: 'admin', render: () => <RulesPage /> },
  { pattern: '/arenden-och-beslut', access: 'public', render: () => <CasesPage /> },
  // Remisser: the pages say themselves when sign-in is needed; the survey page needs no account.
  { pattern: '/remisser', access: 'public', render: () => <ConsultationsPage /> },
  { pattern: '/remisser/region/:code', access: 'public', render: (p) => <BoardPage code={p.code ?? ''} /> },
  { pattern: '/remisser/svar/:id', access: 'public', render: (p) => <AnswerPage id={p.id ?? ''} /> },
  { pattern: '/remisser/gemensamma-svar/:id', access: 'public', render: (p) => <JointAnswerPage id={p.id ?? ''} /> },
  { pattern: '/enkat/:id', access: 'public', render: (p) => <SurveyFormPage id={p.id ?? ''} /> },
  { pattern: '/remissvar/:id', access: 'public', render: (p) => <InvitationFormPage id={p.id ?? ''} /> },
  { pattern: '/arenden-och-beslut/mina', access: 'public', render: () => <MyCasesPage /> },
  { pattern: '/arenden-och-beslut/nytt', access: 'public', render: () => <NewCasePage /> },
  { pattern: '/arenden-och-beslut/beredning', access: 'public', render: () => <TriagePage /> },
  { pattern: '/arenden-och-beslut/diarium', access: 'public', render: () => <DiaryPage /> },
  {
    pattern: '/arenden-och-beslut/klassificeringsstruktur',
    access: 'public',
    render: () => <ClassificationPage />,
  },
  { pattern: '/arenden-och-beslut/arenden/:id', access: 'public', render: (p) => <CasePage id={p.id ?? ''} /> },
  // Participation and compensation; the person's own pages beside the person page.
  { pattern: '/delaktighet', access: 'public', render: () => <ParticipationPage /> },
  { pattern: '/delaktighet/ersattning', access: 'public', render: () => <ClaimsPage /> },
  { pattern: '/delaktighet/attestering', access: 'public', render: () => <ApprovalPage /> },
  { pattern: '/delaktighet/deltagare', access: 'public', render: () => <ParticipantsPage /> },
  { pattern: '/delaktighet/ersattningsmodell', access: 'public', render: () => <RatesPage /> },
  {
    pattern: '/personer-och-uppdrag/personer/:id/ersattning',
    access: 'public',
    render: (p) => <PersonCompensationPage id={p.id ?? ''} />,
  },
  {
    pattern: '/personer-och-uppdrag/personer/:id/registerutdrag',
    access: 'public',
    render: (p) => <RegisterExtractPage id={p.id ?? ''} />,
  },
  { pattern: '/admin/bevarande', access: 'admin', render: () => <RetentionRulesPage /> },
  // Knowledge supports and national consultation rounds (public: insyn; the server decides).
  { pattern: '/kunskapsstod', access: 'public', render: () => <CataloguePage /> },
  { pattern: '/kunskapsstod/nytt', access: 'user', render: () => <NewSupportPage /> },
  { pattern: '/kunskapsstod/katalogimport', access: 'admin', render: () => <CatalogueImportPage /> },
  { pattern: '/kunskapsstod/stod/:id', access: 'public', render: (p) => <SupportPage id={p.id ?? ''} /> },
  { pattern: '/kunskapsstod/stod/:id/andra', access: 'user', render: (p) => <EditSupportPage id={p.id ?? ''} /> },
  { pattern: '/kunskapsstod/remissomgangar', access: 'public', render: () => <RoundsPage /> },
  { pattern: '/kunskapsstod/remissomgangar/ny', access: 'admin', render: () => <NewRoundPage /> },
  { pattern: '/moten', access: 'public', render: () => <MeetingsHomePage /> },
  { pattern: '/moten/beslut', access: 'public', render: () => <DecisionLogPage /> },
  // Insyn: decisions of justerade protokoll, for anyone (the server masks secret cases' paragraphs).
  { pattern: '/beslut-och-protokoll', access: 'public', render: () => <PublicDecisionsPage /> },
  { pattern: '/moten/forum/:id', access: 'public', render: (p) => <ForumPage id={p.id ?? ''} /> },
  { pattern: '/moten/forum/:id/nytt-mote', access: 'public', render: (p) => <NewMeetingPage id={p.id ?? ''} /> },
  { pattern: '/moten/moten/:id', access: 'public', render: (p) => <MeetingPage id={p.id ?? ''} /> },
  // Follow-up: national views are public when insyn is on (the server decides); plans and import need sign-in.
  { pattern: '/inforande', access: 'public', render: () => <HeatmapPage /> },
  { pattern: '/inforande/regioner/:code', access: 'public', render: (p) => <RegionDrillPage code={p.code ?? ''} /> },
  { pattern: '/inforande/regioner/:code/status', access: 'public', render: (p) => <RegionStatusPage code={p.code ?? ''} /> },
  {
    pattern: '/inforande/regioner/:code/stod/:supportId',
    access: 'public',
    render: (p) => <StatusEditPage code={p.code ?? ''} supportId={p.supportId ?? ''} />,
  },
  { pattern: '/planer-och-uppfoljning', access: 'public', render: () => <FollowupHomePage /> },
  { pattern: '/planer-och-uppfoljning/mal', access: 'public', render: () => <GoalsPage /> },
  { pattern: '/planer-och-uppfoljning/planer', access: 'public', render: () => <PlansPage /> },
  { pattern: '/planer-och-uppfoljning/arsrapporter-och-ataganden', access: 'public', render: () => <ObligationsPage /> },
  { pattern: '/planer-och-uppfoljning/planer/:id', access: 'public', render: (p) => <PlanPage id={p.id ?? ''} /> },
  { pattern: '/planer-och-uppfoljning/nationella-kallor', access: 'admin', render: () => <SourcesPage /> },
  { pattern: '/planer-och-uppfoljning/indikatorer/ny', access: 'user', render: () => <IndicatorFormPage /> },
  {
    pattern: '/planer-och-uppfoljning/indikatorer/:id/andra',
    access: 'user',
    render: (p) => <IndicatorFormPage id={p.id ?? ''} />,
  },
  { pattern: '/planer-och-uppfoljning/indikatorer/:id/import', access: 'public', render: (p) => <ImportPage id={p.id ?? ''} /> },
  { pattern: '/planer-och-uppfoljning/indikatorer/:id/pdsa', access: 'public', render: (p) => <PdsaPage id={p.id ?? ''} /> },
  { pattern: '/planer-och-uppfoljning/indikatorer/:id', access: 'public', render: (p) => <IndicatorPage id={p.id ?? ''} /> },
  { pattern: '/insyn-och-api', access: 'public', render: () => <TransparencyPage /> },
  { pattern: '/mina-api-nycklar', access: 'user', render: () => <ApiTokensPage /> },
  { pattern: '/admin/anvandare', access: 'admin', render: () => <UsersPage /> },
  { pattern: '/admin/anvandare/:id', access: 'admin', render: (p) => <UserRolesPage id={p.id ?? ''} /> },
  { pattern: '/admin/granskningslogg', access: 'admin', render: () => <AuditPage /> },
  { pattern: '/admin/webhooks', access: 'admin', render: () => <WebhooksPage /> },
  { pattern: '/admin/avsandare', access: 'user', render: () => <SendersPage /> },
  { pattern: '/admin/scim', access: 'admin', render: () => <ScimClientsPage /> },
  ...CAPABILITIES.filter((c) => !c.built).map<RouteDef>((c) => ({
    pattern: c.path,
    access: 'public',
    render: () => <NotBuiltPage capability={c} />,
  })),
];
