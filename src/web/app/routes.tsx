import type { ReactNode } from 'react';
import { ApiTokensPage } from '../account/ApiTokensPage';
import { AuditPage } from '../admin/AuditPage';
import { UsersPage } from '../admin/UsersPage';
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
import { NewPersonPage } from '../people/NewPersonPage';
import { PeoplePage } from '../people/PeoplePage';
import { PersonPage } from '../people/PersonPage';
import { ReviewQueuePage } from '../people/ReviewQueuePage';
import { AccessibilityPage } from '../pages/AccessibilityPage';
import { NotBuiltPage } from '../pages/NotBuiltPage';
import { StartPage } from '../pages/StartPage';
import { CAPABILITIES } from './capabilities';

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
  { pattern: '/personer-och-uppdrag/granskning', access: 'public', render: () => <ReviewQueuePage /> },
  { pattern: '/personer-och-uppdrag/personer/:id', access: 'public', render: (p) => <PersonPage id={p.id ?? ''} /> },
  { pattern: '/arenden-och-beslut', access: 'public', render: () => <CasesPage /> },
  { pattern: '/mina-api-nycklar', access: 'user', render: () => <ApiTokensPage /> },
  { pattern: '/admin/anvandare', access: 'admin', render: () => <UsersPage /> },
  { pattern: '/admin/granskningslogg', access: 'admin', render: () => <AuditPage /> },
  ...CAPABILITIES.filter((c) => !c.built).map<RouteDef>((c) => ({
    pattern: c.path,
    access: 'public',
    render: () => <NotBuiltPage capability={c} />,
  })),
];
