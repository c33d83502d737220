#!/usr/bin/env node
/**
 * `npm start` builds only when the checkout changed since the last build: a hash of every input
 * of the build (src/, the configs, the lockfile; migrations are read at run time and are not
 * inputs) is kept in dist/.build-inputs. An unchanged checkout starts at once; any change — a
 * file edited, added or removed, another dependency — builds again. `npm run build` always builds.
 */
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stampFile = join(root, 'dist', '.build-inputs');
const INPUTS = ['src', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'vite.config.ts'];
const OUTPUTS = [join(root, 'dist', 'src', 'main.js'), join(root, 'dist', 'web', 'index.html')];

function* files(path) {
  if (!existsSync(path)) return;
  const entries = readdirSync(path, { withFileTypes: true });
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = join(path, e.name);
    if (e.isDirectory()) yield* files(full);
    else if (e.isFile()) yield full;
  }
}

function inputsHash() {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    const path = join(root, input);
    if (!existsSync(path)) continue;
    const list = statSync(path).isDirectory() ? [...files(path)] : [path];
    for (const file of list) {
      hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex');
}

const now = inputsHash();
const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
if (built === now && OUTPUTS.every((f) => existsSync(f))) {
  console.log('Navet: the build is up to date (nothing changed since the last build).');
} else {
  console.log('Navet: building the server and the web UI (the checkout changed since the last build) …');
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
  writeFileSync(stampFile, `${now}\n`);
}
