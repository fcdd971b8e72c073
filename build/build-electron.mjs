// Bundles the Electron main process, the preload and the backend worker into dist/electron, and
// the `bangkom` command line into dist/cli (build-cli.mjs; not part of the installers).
// Native and data-reading packages stay external: electron-builder ships them in node_modules.
import { copyFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { buildCli } from './build-cli.mjs';
import { verifierAssetsPlugin } from './build-verifier.mjs';

const { build } = esbuild;

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3', 'idn-area-data'],
  // The sources are ESM; in the CommonJS bundle import.meta.url points at the bundle file.
  define: { 'import.meta.url': '__bundle_url' },
  banner: { js: "const __bundle_url = require('node:url').pathToFileURL(__filename).href;" },
  // The standalone verifier page's script, inlined where the backend writes that page.
  plugins: [verifierAssetsPlugin({ esbuild })],
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs' }),
  build({ ...common, entryPoints: ['electron/backend/worker.ts'], outfile: 'dist/electron/worker.cjs' }),
  // A sandboxed preload can require only 'electron': everything else is bundled in.
  build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', platform: 'browser', external: ['electron'] }),
  buildCli(esbuild),
]);
// The window icon on Linux (Windows shows the icon of the .exe, set from build/icon.ico).
copyFileSync('build/icon.png', 'dist/electron/icon.png');
console.log('dist/electron: main.cjs, preload.cjs, worker.cjs, icon.png; dist/cli: bangkom.mjs');
