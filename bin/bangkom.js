#!/usr/bin/env node
// `bangkom`: runs the bundled command line (dist/cli/bangkom.mjs, built by `npm run build` and by
// `npm install`'s prepare step; build/build-cli.mjs). When a source it was made from has changed
// since (an edit, a `git pull`), or it was never built, the sources run through tsx instead, as
// they did before bundling: slower to start, never out of date. tsx is a devDependency; without
// it an outdated bundle still runs, with a warning, and a missing one says how to build it.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleState } from './bundle-state.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = path.join(ROOT, 'dist', 'cli', 'bangkom.mjs');

// `bangkom … | head` closes the pipe before the output ends: the reader has what it wanted.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

async function fromSources() {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    return null;
  }
  register();
  return import('../electron/cli/main.ts');
}

const state = bundleState(ROOT);
let cli = state === 'fresh' ? await import(pathToFileURL(BUNDLE).href) : await fromSources();
if (!cli && state === 'stale') {
  process.stderr.write('bangkom: dist/cli is older than the sources; `npm run build` brings it up to date.\n');
  cli = await import(pathToFileURL(BUNDLE).href);
}
if (!cli) {
  process.stderr.write('bangkom: the command line is not built yet: run `npm install` (with the devDependencies), or `npm run build`.\n');
  process.exit(1);
}
const code = await cli.runCli(process.argv.slice(2));
// `serve` keeps running; other commands end with their exit code.
if (code !== 0) process.exit(code);
