import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateOpenApi } from '../src/platform/http/openapi.js';
import { generateWebClientTypes } from '../src/platform/http/web-client-types.js';
import { useTestApp } from './helpers/app.js';

const t = useTestApp();

// Generating the document builds the whole app: on a loaded machine that takes longer than the default 30 s.
describe('OpenAPI document', () => {
  it('is OpenAPI 3.1, served at /api/openapi.json, and equal to the committed docs/openapi.json', async () => {
    const res = await t.request({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const served = res.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(served.openapi).toBe('3.1.0');
    const committed: unknown = JSON.parse(readFileSync(new URL('../docs/openapi.json', import.meta.url), 'utf8'));
    expect(await generateOpenApi(), 'docs/openapi.json is stale: run `npm run openapi`').toEqual(committed);
  }, 120_000);

  it('generates the web client: src/web/generated/api.ts is the committed document run through openapi-typescript', async () => {
    const committed: unknown = JSON.parse(readFileSync(new URL('../docs/openapi.json', import.meta.url), 'utf8'));
    const generated = readFileSync(new URL('../src/web/generated/api.ts', import.meta.url), 'utf8');
    expect(
      generated === (await generateWebClientTypes(committed)),
      'src/web/generated/api.ts is stale: run `npm run openapi`',
    ).toBe(true);
  }, 120_000);

  it('documents every promised endpoint of the API contract that exists so far', async () => {
    const doc = (await generateOpenApi()) as { paths: Record<string, Record<string, unknown>> };
    const promised: [string, string][] = [
      ['get', '/api/health'],
      ['post', '/api/v1/auth/login'],
      ['post', '/api/v1/auth/tokens'],
      ['post', '/api/v1/auth/logout'],
      ['get', '/api/v1/me'],
      ['get', '/api/v1/healthcare-regions'],
      ['get', '/api/v1/regions'],
      ['get', '/api/v1/municipalities'],
      ['get', '/api/v1/program-areas'],
      ['get', '/api/v1/groups'],
      ['post', '/api/v1/groups'],
      ['get', '/api/v1/mirroring/gaps'],
      ['post', '/api/v1/people'],
      ['get', '/api/v1/people/{id}'],
      ['post', '/api/v1/people/{id}/jav-declarations'],
      ['post', '/api/v1/jav-declarations/{id}/review'],
      ['post', '/api/v1/groups/{id}/memberships'],
      ['get', '/api/v1/consultation-calendar'],
      ['post', '/api/v1/cases'],
      ['get', '/api/v1/cases'],
    ];
    for (const [method, path] of promised) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
  }, 120_000);

  it('serves a browsable API reference page', async () => {
    const res = await t.request({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});
