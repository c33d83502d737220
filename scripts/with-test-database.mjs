#!/usr/bin/env node
// Runs a command with TEST_DATABASE_URL pointing at the local PostgreSQL server, so the same
// suite runs against a real server. Each test file still creates its own database there, as the
// `postgres` superuser: NAVET_DB_ALLOW_OWNER=1 lets an app started by a test run as it (tests only;
// production refuses a superuser or owner role, see README "PostgreSQL in production").
import { spawnSync } from 'node:child_process';

const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const [cmd, ...args] = process.argv.slice(2);
const r = spawnSync('npx', [cmd, ...args], {
  stdio: 'inherit',
  env: { NAVET_DB_ALLOW_OWNER: '1', ...process.env, TEST_DATABASE_URL: url },
});
process.exit(r.status ?? 1);
