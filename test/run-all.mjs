// `npm test`: boundary lint, type check, build, Vitest, Playwright. Every step runs even when
// an earlier one failed, and the last line sums them all: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const RESULTS = 'test-results';
fs.mkdirSync(RESULTS, { recursive: true });
for (const f of ['vitest.json', 'playwright.json']) fs.rmSync(`${RESULTS}/${f}`, { force: true });

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const run = (args) => spawnSync(npx, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } }).status === 0;
const readJson = (file) => {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch { return null; }
};

let passed = 0;
let failed = 0;
const lines = [];
const count = (name, ok, failedNames = []) => {
  lines.push(`${ok.failed ? 'FAIL' : 'ok  '} ${name}: ${ok.passed} passed, ${ok.failed} failed${failedNames.length ? ` (${failedNames.join('; ')})` : ''}`);
  passed += ok.passed;
  failed += ok.failed;
};
const check = (name, args) => {
  const ok = run(args);
  count(name, { passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  return ok;
};

check('lint (boundaries)', ['eslint', '.']);
check('typecheck', ['tsc', '-p', 'shared']) ;
check('typecheck electron', ['tsc', '-p', 'electron']);
check('typecheck renderer', ['tsc', '-p', 'renderer']);
check('typecheck test', ['tsc', '-p', 'test']);
check('typecheck verifier', ['tsc', '-p', 'renderer/verifier']);
const built = check('build', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'])
  && check('build electron', ['node', 'build/build-electron.mjs']);

run(['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}/vitest.json`]);
const vitest = readJson(`${RESULTS}/vitest.json`);
if (vitest) {
  const failedNames = vitest.testResults.flatMap((f) => f.assertionResults.filter((a) => a.status === 'failed').map((a) => a.fullName));
  // A suite that failed to load has no assertions: count it as one failure.
  const brokenFiles = vitest.testResults.filter((f) => f.status === 'failed' && f.assertionResults.every((a) => a.status !== 'failed')).length;
  count('vitest', { passed: vitest.numPassedTests, failed: vitest.numFailedTests + brokenFiles }, failedNames);
} else {
  count('vitest', { passed: 0, failed: 1 }, ['no report']);
}

if (built) {
  run(['playwright', 'test', '-c', 'test/e2e/playwright.config.ts']);
  const pw = readJson(`${RESULTS}/playwright.json`);
  if (pw) {
    const errors = pw.errors?.length ?? 0;
    count('playwright', { passed: (pw.stats.expected ?? 0) + (pw.stats.flaky ?? 0), failed: (pw.stats.unexpected ?? 0) + errors });
  } else {
    count('playwright', { passed: 0, failed: 1 }, ['no report']);
  }
} else {
  count('playwright', { passed: 0, failed: 1 }, ['not run: build failed']);
}

console.log(`\n${lines.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
