// `npm run bench` measures the code as it ships: bundled by esbuild like the app's worker (no
// dev-time transpiler in the loop), beside dist/electron/worker.cjs so the IPC figure uses it.
import { build } from 'esbuild';

await build({
  entryPoints: ['test/bench/run.ts'],
  outfile: 'dist/electron/bench.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
