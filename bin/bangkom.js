#!/usr/bin/env node
// Runs the CLI from its TypeScript sources, so `npx bangkom` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../electron/cli/main.ts');
const code = await runCli(process.argv.slice(2));
// `serve` keeps running; other commands end with their exit code.
if (code !== 0) process.exit(code);
