// Bundles the `bangkom` command (electron/cli) into dist/cli/, as build-electron.mjs does for the
// app, so that a run loads prepared JavaScript instead of compiling the TypeScript sources first
// (tsx did that on every run: about 2 s before anything happened).
//
// ES modules with code splitting: the entry (bangkom.mjs) holds the command line itself; the
// backend and what it needs (SQLite, the importers, the server) are chunks beside it, loaded when
// a command uses them (electron/cli imports them with `await import`), so `bangkom --version` or
// `--help` reads little.
//
// Run by `npm run build` (through build-electron.mjs) and, so that `npx bangkom` works right
// after `npm install` or `npm ci`, by the `prepare` script with --if-possible: without the
// devDependencies (esbuild) there is nothing to build with, and the install must not fail for it;
// bin/bangkom.js then says how to build.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifierAssetsPlugin } from './build-verifier.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_DIR = path.join(ROOT, 'dist', 'cli');
export const CLI_BUNDLE = path.join(CLI_DIR, 'bangkom.mjs');
/** The project's own files the bundle was made from, for bin/bangkom.js to tell a stale bundle. */
export const CLI_INPUTS = path.join(CLI_DIR, 'inputs.json');

/**
 * Packages that read files next to their own code, or are native, are loaded from node_modules
 * as they are: better-sqlite3 (native), idn-area-data (its CSV lists), pdfmake and the pdfkit it
 * drives (fonts, and pdfkit's font metrics read by __dirname), electron (only located, never
 * loaded, by `bangkom start`). Everything else is bundled.
 */
export const CLI_EXTERNAL = ['better-sqlite3', 'idn-area-data', 'pdfmake', 'pdfkit', 'electron'];

/** Writes a file whole or not at all: a `bangkom` starting meanwhile reads the old one or the new one. */
function writeAtomic(file, contents) {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, contents);
  fs.renameSync(temp, file);
}

export async function buildCli(esbuild) {
  const { build } = esbuild ?? (await import('esbuild'));
  // The standalone verifier page's script, built with the bundle and inlined in it (build-verifier.mjs).
  let verifierInputs = [];
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { bangkom: 'electron/cli/main.ts' },
    outdir: path.relative(ROOT, CLI_DIR),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    metafile: true,
    write: false,
    external: CLI_EXTERNAL,
    plugins: [verifierAssetsPlugin({ esbuild, onInputs: (inputs) => { verifierInputs = inputs; } })],
    // Bundled CommonJS packages call require(): in an ES module it comes from createRequire.
    banner: { js: "import { createRequire as __bangkomRequire } from 'node:module'; const require = __bangkomRequire(import.meta.url);" },
  });
  fs.mkdirSync(CLI_DIR, { recursive: true });
  // Chunks (named by their content) first, the entry that imports them last.
  const files = [...result.outputFiles].sort((a, b) => Number(a.path === CLI_BUNDLE) - Number(b.path === CLI_BUNDLE));
  for (const out of files) writeAtomic(out.path, out.contents);
  // Chunks of earlier builds that nothing imports any more.
  const written = new Set(files.map((f) => path.basename(f.path)));
  for (const name of fs.readdirSync(CLI_DIR)) {
    if (/\.mjs(\.map)?$/.test(name) && !written.has(name)) fs.rmSync(path.join(CLI_DIR, name), { force: true });
  }
  const own = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules'));
  const inputs = [...new Set([...own, ...verifierInputs])].sort();
  writeAtomic(CLI_INPUTS, `${JSON.stringify({ inputs }, null, 1)}\n`);
  return { bundle: CLI_BUNDLE, inputs };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    if (!process.argv.includes('--if-possible')) throw new Error('esbuild is not installed: run `npm install` (with the devDependencies).');
    console.warn('bangkom: the command line is not built here (esbuild, a devDependency, is not installed): `npm install` with the devDependencies, then `npm run build`.');
    process.exit(0);
  }
  await buildCli(esbuild);
  console.log('dist/cli: bangkom.mjs and its chunks');
}
