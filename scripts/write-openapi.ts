// Writes docs/openapi.json from the route schemas, and the web client's types from it
// (src/web/generated/api.ts). CI fails when either committed file is stale
// (test/openapi.test.ts), so run `npm run openapi` after changing a route.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateOpenApi } from '../src/platform/http/openapi.js';
import { generateWebClientTypes } from '../src/platform/http/web-client-types.js';
import { projectRoot } from '../src/platform/version.js';

const doc = await generateOpenApi();
writeFileSync(join(projectRoot, 'docs', 'openapi.json'), `${JSON.stringify(doc, null, 2)}\n`);
writeFileSync(join(projectRoot, 'src', 'web', 'generated', 'api.ts'), await generateWebClientTypes(doc));
console.log('docs/openapi.json and src/web/generated/api.ts written');
