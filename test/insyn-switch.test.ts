import { describe, expect, it } from 'vitest';
import { useTestApp } from './helpers/app.js';

const t = useTestApp({ publicStructure: false });

describe('NAVET_PUBLIC_STRUCTURE=0: the structure is for signed-in users only', () => {
  it('refuses anonymous reads of groups, gaps and hosting, and serves signed-in users', async () => {
    for (const url of ['/api/v1/groups', '/api/v1/mirroring/gaps?owner=10', '/api/v1/mirroring/matrix', '/api/v1/hosting']) {
      expect((await t.request({ method: 'GET', url })).statusCode, url).toBe(401);
    }
    const s = await t.newUser();
    expect((await t.request({ method: 'GET', url: '/api/v1/groups', as: s })).statusCode).toBe(200);
    // National reference data stays public.
    expect((await t.request({ method: 'GET', url: '/api/v1/regions' })).statusCode).toBe(200);
  });
});
