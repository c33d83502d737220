import type { AccessModule } from './types.js';

/**
 * SCIM clients (administrators, under /api/v1) and the SCIM protocol's own routes (/scim/v2).
 *
 * The SCIM routes are not in the OpenAPI document (SCIM describes itself at /scim/v2/Schemas and
 * answers in its own error shape and media type), so the matrix does not see them. They take
 * neither a session nor a person's API key, only a SCIM client's bearer credential: that is
 * their access decision, declared here, and test/scim.http.test.ts checks that the app serves
 * exactly these routes under /scim/v2 and that each answers 401 to anything else.
 */
export const SCIM_ROUTES: Record<string, 'scim-client'> = {
  'GET /scim/v2/ServiceProviderConfig': 'scim-client',
  'GET /scim/v2/ResourceTypes': 'scim-client',
  'GET /scim/v2/ResourceTypes/{id}': 'scim-client',
  'GET /scim/v2/Schemas': 'scim-client',
  'GET /scim/v2/Schemas/{id}': 'scim-client',
  'GET /scim/v2/Users': 'scim-client',
  'GET /scim/v2/Users/{id}': 'scim-client',
  'POST /scim/v2/Users': 'scim-client',
  'PUT /scim/v2/Users/{id}': 'scim-client',
  'PATCH /scim/v2/Users/{id}': 'scim-client',
  'DELETE /scim/v2/Users/{id}': 'scim-client',
  'GET /scim/v2/Groups': 'scim-client',
  'GET /scim/v2/Groups/{id}': 'scim-client',
  'POST /scim/v2/Groups': 'scim-client',
  'PUT /scim/v2/Groups/{id}': 'scim-client',
  'PATCH /scim/v2/Groups/{id}': 'scim-client',
  'DELETE /scim/v2/Groups/{id}': 'scim-client',
};

export const scimAccess: AccessModule = {
  setup: async ({ newUser, request }) => {
    const admin = await newUser([{ role: 'admin', scopeType: 'system', scopeId: '' }]);
    const res = await request({
      method: 'POST',
      url: '/api/v1/scim-clients',
      as: admin,
      payload: { name: 'Matrisens katalog', owner: '10' },
    });
    return { scimClientId: res.json<{ id: string }>().id };
  },
  routes: {
    'GET /api/v1/scim-clients': ['admin', () => ({ url: '/api/v1/scim-clients' })],
    'POST /api/v1/scim-clients': ['admin', () => ({ url: '/api/v1/scim-clients', payload: { name: 'Entra ID', owner: '10' } })],
    'POST /api/v1/scim-clients/{id}/rotate': [
      'admin',
      (f) => ({ url: `/api/v1/scim-clients/${f.scimClientId}/rotate`, payload: { version: 1 } }),
    ],
    'GET /api/v1/scim-clients/{id}/groups': ['admin', (f) => ({ url: `/api/v1/scim-clients/${f.scimClientId}/groups` })],
    'PUT /api/v1/scim-clients/{id}/group-roles': [
      'admin',
      (f) => ({
        url: `/api/v1/scim-clients/${f.scimClientId}/group-roles`,
        payload: { version: 1, groupRoles: [{ group: 'Navet läsare', role: 'lasare', scopeType: 'region', scopeId: '10' }] },
      }),
    ],
    'DELETE /api/v1/scim-clients/{id}': ['admin', (f) => ({ url: `/api/v1/scim-clients/${f.scimClientId}` })],
  },
};
