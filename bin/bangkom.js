#!/usr/bin/env node
// Runs the CLI from its TypeScript sources, so `npx bangkom` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
// `bangkom … | head` closes the pipe before the output ends: the reader has what it wanted.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}
const { runCli } = await import('../electron/cli/main.ts');
const code = await runCli(process.argv.slice(2));
// `serve` keeps running; other commands end with their exit code.
if (code !== 0) process.exit(code);
