import type { AccessModule } from './types.js';

/** Sign-in and the session's clock. The matrix app has no identity provider, so its routes answer 404. */
export const trustAccess: AccessModule = {
  routes: {
    'GET /api/v1/auth/providers': ['public', () => ({ url: '/api/v1/auth/providers' })],
    'GET /api/v1/auth/oidc/login': ['public', () => ({ url: '/api/v1/auth/oidc/login?returnTo=/' }), [404]],
    'GET /api/v1/auth/oidc/callback': ['public', () => ({ url: '/api/v1/auth/oidc/callback?code=x&state=y' }), [404]],
    'GET /api/v1/auth/oidc/logout': ['public', () => ({ url: '/api/v1/auth/oidc/logout' }), [302]],
    'GET /api/v1/auth/session': ['signed-in', () => ({ url: '/api/v1/auth/session' })],
    'POST /api/v1/auth/session/extend': ['signed-in', () => ({ url: '/api/v1/auth/session/extend' })],
  },
};
