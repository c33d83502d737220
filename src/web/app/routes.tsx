import type { ReactNode } from 'react';
import { ApiTokensPage } from '../account/ApiTokensPage';
import { AuditPage } from '../admin/AuditPage';
import { UsersPage } from '../admin/UsersPage';
import { LoginPage } from '../auth/LoginPage';
import { HealthcareRegionPage } from '../organisation/HealthcareRegionPage';
import { HealthcareRegionsPage } from '../organisation/HealthcareRegionsPage';
import { NationalGroupsPage } from '../organisation/NationalGroupsPage';
import { OrganisationPage } from '../organisation/OrganisationPage';
import { ProgramAreasPage } from '../organisation/ProgramAreasPage';
import { RegionPage } from '../organisation/RegionPage';
import { RegionsPage } from '../organisation/RegionsPage';
import { SwedenPage } from '../organisation/SwedenPage';
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
  { pattern: '/mina-api-nycklar', access: 'user', render: () => <ApiTokensPage /> },
  { pattern: '/admin/anvandare', access: 'admin', render: () => <UsersPage /> },
  { pattern: '/admin/granskningslogg', access: 'admin', render: () => <AuditPage /> },
  ...CAPABILITIES.filter((c) => !c.built).map<RouteDef>((c) => ({
    pattern: c.path,
    access: 'public',
    render: () => <NotBuiltPage capability={c} />,
  })),
];
