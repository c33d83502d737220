#!/usr/bin/env node
// The `navet` command. Runs the build in dist/ when there is one; otherwise the TypeScript
// sources through tsx, so it works straight after `npm install`. NAVET_CLI_FROM_SOURCE=1
// always runs the sources (the tests use it, so a stale build is never what they test).
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/src/cli/navet.js', import.meta.url);
if (existsSync(compiled) && process.env.NAVET_CLI_FROM_SOURCE !== '1') {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/navet.ts', import.meta.url).href);
}
