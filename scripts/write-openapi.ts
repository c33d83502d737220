// Writes docs/openapi.json from the route schemas. CI fails when the committed file is stale
// (test/openapi.test.ts), so run `npm run openapi` after changing a route.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateOpenApi } from '../src/platform/http/openapi.js';
import { projectRoot } from '../src/platform/version.js';

const doc = await generateOpenApi();
writeFileSync(join(projectRoot, 'docs', 'openapi.json'), `${JSON.stringify(doc, null, 2)}\n`);
console.log('docs/openapi.json written');
