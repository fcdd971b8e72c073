// Bundles the standalone verifier page's script (renderer/verifier/main.ts, with the shared
// certificate chain, the pure-JS signature checks and jsQR) into one minified IIFE, written to
// dist/verifier/verifier.js. The backend (electron/backend/certificates/verifier-html.ts) inlines
// it, with renderer/verifier/page.html around it and the trust list, into one HTML file.
//
// How the backend gets the script and the page (electron/backend/certificates/verifier-assets.ts):
// - in the `bangkom` bundle (build-cli.mjs) and the app's bundles, verifierAssetsPlugin replaces
//   that module with one holding both as strings, built here;
// - run from the sources (tsx, Vitest), the module itself calls buildVerifierAssets() on first use.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const VERIFIER_ENTRY = 'renderer/verifier/main.ts';
export const VERIFIER_PAGE = 'renderer/verifier/page.html';
export const VERIFIER_DIR = path.join(ROOT, 'dist', 'verifier');
export const VERIFIER_SCRIPT = path.join(VERIFIER_DIR, 'verifier.js');

/** The module the plugin replaces, matched by its path. */
const ASSETS_MODULE = /[\\/]electron[\\/]backend[\\/]certificates[\\/]verifier-assets\.ts$/;

/**
 * Builds the page's script and reads its shell. Returns the script, the shell, and the project
 * files they were made from (for dist/cli/inputs.json: an edit to any makes the CLI bundle stale).
 * `write` also puts the script in dist/verifier/verifier.js.
 */
export async function buildVerifierAssets({ esbuild, write = false } = {}) {
  const { build } = esbuild ?? (await import('esbuild'));
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [VERIFIER_ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    // Browsers of the last few years, Safari 15 included: a USB stick goes to any computer.
    target: ['es2020', 'chrome90', 'firefox90', 'safari15', 'edge90'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    metafile: true,
    logLevel: 'warning',
  });
  const script = result.outputFiles[0].text;
  // Inlined into <script>: neither may appear in it (esbuild escapes "</script" in strings itself).
  if (/<\/script/i.test(script) || script.includes('<!--')) throw new Error('verifier.js contains "</script" or "<!--": it cannot be inlined.');
  // The page's CSP allows no eval: nothing in the bundle may need it.
  if (/\beval\(|\bnew Function\(/.test(script)) throw new Error('verifier.js uses eval or new Function, which the page\'s CSP forbids.');
  const shell = fs.readFileSync(path.join(ROOT, VERIFIER_PAGE), 'utf8');
  if (write) {
    fs.mkdirSync(VERIFIER_DIR, { recursive: true });
    // Unique per call: the CLI and the app bundles may build it at once, in one process.
    const temp = `${VERIFIER_SCRIPT}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    fs.writeFileSync(temp, script);
    fs.renameSync(temp, VERIFIER_SCRIPT);
  }
  const inputs = [...Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules')), VERIFIER_PAGE].sort();
  return { script, shell, inputs };
}

/**
 * An esbuild plugin for bundles of the backend: electron/backend/certificates/verifier-assets.ts
 * becomes a module holding the verifier's script and shell as strings (built once per build).
 * `onInputs` receives the files they were made from.
 */
export function verifierAssetsPlugin({ esbuild, write = true, onInputs } = {}) {
  return {
    name: 'bangkom-verifier-assets',
    setup(build) {
      let assets;
      build.onStart(() => {
        assets = undefined;
      });
      build.onLoad({ filter: ASSETS_MODULE }, async () => {
        assets ??= buildVerifierAssets({ esbuild, write });
        const { script, shell, inputs } = await assets;
        onInputs?.(inputs);
        return {
          loader: 'js',
          contents: `export const verifierAssets = async () => ({ script: ${JSON.stringify(script)}, shell: ${JSON.stringify(shell)} });\n`,
          watchFiles: inputs.map((f) => path.join(ROOT, f)),
        };
      });
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { script } = await buildVerifierAssets({ write: true });
  console.log(`dist/verifier/verifier.js (${Math.round(script.length / 1024)} KB)`);
}
