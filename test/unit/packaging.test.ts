// The installer configuration (build/electron-builder.yml), checked with electron-builder's own
// code where it can run without Electron: its config loader and JSON schema, the fuse mapping it
// hands to @electron/fuses, the file matchers that decide what goes into app.asar, its icon
// resolution, and its package.json checks. Packaging itself needs the Electron download and
// cannot run here.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Configuration, PlatformSpecificBuildOptions } from 'electron-builder';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CONFIG_FILE = 'build/electron-builder.yml';

// The copies `npm run dist` uses: app-builder-lib as electron-builder resolves it, and
// @electron/fuses as app-builder-lib resolves it.
const builderRequire = createRequire(createRequire(path.join(ROOT, 'package.json')).resolve('electron-builder'));
const libRequire = createRequire(builderRequire.resolve('app-builder-lib'));

builderRequire('app-builder-lib'); // loads the package in its own order before its modules are picked below

interface StatLike { isDirectory(): boolean; moduleFullFilePath?: string }
type Filter = (file: string, stat: StatLike) => boolean;
interface FileMatcher { readonly patterns: string[]; createFilter(): Filter }
interface PackagerInfo {
  projectDir: string;
  buildResourcesDir: string;
  isPrepackedAppAsar: boolean;
  config: Configuration;
  debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void };
}

const configLib = libRequire('./util/config/config') as {
  getConfig(projectDir: string, configPath: string, fromOptions: null): Promise<Configuration>;
  validateConfiguration(config: Configuration, debugLogger: PackagerInfo['debugLogger']): Promise<void>;
  computeDefaultAppDirectory(projectDir: string, userAppDir: string | null | undefined): Promise<string>;
};
const fileMatcherLib = libRequire('./fileMatcher') as {
  FileMatcher: new (from: string, to: string, expand: (p: string) => string, patterns?: string[]) => FileMatcher;
  getMainFileMatchers(appDir: string, destination: string, expand: (p: string) => string, options: PlatformSpecificBuildOptions,
    packager: { info: PackagerInfo }, outDir: string, isElectronCompile: boolean): FileMatcher[];
  getNodeModuleFileMatcher(appDir: string, destination: string, expand: (p: string) => string, options: PlatformSpecificBuildOptions,
    info: PackagerInfo): FileMatcher;
  getFileMatchers(config: Configuration, name: 'asarUnpack', destination: string, options: {
    macroExpander: (p: string) => string; customBuildOptions: PlatformSpecificBuildOptions; globalOutDir: string; defaultSrc: string;
  }): FileMatcher[] | null;
};
// generateFuseConfig is the step between the `electronFuses` key and flipFuses(); it uses no state.
// (Through the package's index: platformPackager.js alone hits a require cycle.)
const { PlatformPackager } = builderRequire('app-builder-lib') as {
  PlatformPackager: { prototype: { generateFuseConfig(fuses: unknown): Promise<Record<string, unknown>> } };
};
const { convertIcon } = libRequire('./util/iconConverter') as {
  convertIcon(options: { sources: string[]; fallbackSources: string[]; roots: string[]; format: 'ico' | 'set'; outDir: string }):
    Promise<{ icons: Array<{ file: string; size: number }>; isFallback: boolean }>;
};
const packageMetadataLib = libRequire('./util/packageMetadata') as {
  readPackageJson(file: string): Promise<Record<string, unknown> & { author?: { name?: string; email?: string }; homepage?: string }>;
  checkMetadata(metadata: object, devMetadata: object, file: string, devFile: string): void;
};
const { FuseV1Options } = libRequire('@electron/fuses') as { FuseV1Options: Record<string, number | string> };

const quietLogger = { isEnabled: false, add() {} };
const same = (p: string): string => p;
const file = { isDirectory: () => false };
const dir = { isDirectory: () => true };

let config: Configuration;
let appDir: string;
let buildResources: string;
let outDir: string;

beforeAll(async () => {
  config = await configLib.getConfig(ROOT, CONFIG_FILE, null);
  appDir = await configLib.computeDefaultAppDirectory(ROOT, config.directories?.app);
  buildResources = path.resolve(ROOT, config.directories?.buildResources ?? 'build');
  outDir = path.resolve(ROOT, config.directories?.output ?? 'dist');
});

describe('the configuration as electron-builder reads it', () => {
  it('passes electron-builder\'s schema', async () => {
    await expect(configLib.validateConfiguration(structuredClone(config), quietLogger)).resolves.toBeUndefined();
  });

  it('the schema rejects a misspelled fuse, so the check above would catch one', async () => {
    const typo = structuredClone(config) as Configuration & { electronFuses: Record<string, boolean> };
    typo.electronFuses = { ...typo.electronFuses, runAsNod: false };
    await expect(configLib.validateConfiguration(typo, quietLogger)).rejects.toThrow(/configuration\.electronFuses/);
  });

  it('packages the project folder itself (no app/ folder with its own package.json)', () => {
    expect(appDir).toBe(ROOT);
  });
});

describe('Electron fuses', () => {
  const expected: Record<string, boolean> = {
    RunAsNode: false,
    EnableNodeOptionsEnvironmentVariable: false,
    EnableNodeCliInspectArguments: false,
    EnableCookieEncryption: true,
    EnableEmbeddedAsarIntegrityValidation: true,
    OnlyLoadAppFromAsar: true,
    GrantFileProtocolExtraPrivileges: false,
    LoadBrowserProcessSpecificV8Snapshot: false,
  };

  it('every key under electronFuses is a real fuse of @electron/fuses', () => {
    const fuseNames = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    const keys = Object.keys(config.electronFuses ?? {});
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(fuseNames).toContain(key.charAt(0).toUpperCase() + key.slice(1));
  });

  it('electron-builder hands @electron/fuses the intended value for each fuse', async () => {
    const wire = await PlatformPackager.prototype.generateFuseConfig.call(null, config.electronFuses);
    for (const [name, value] of Object.entries(expected)) {
      const index = FuseV1Options[name];
      expect(index, `${name} exists in @electron/fuses`).toBeTypeOf('number');
      expect(wire[String(index)], name).toBe(value);
    }
  });

  it('sets every fuse this @electron/fuses knows, none left to the Electron default by omission', async () => {
    const wire = await PlatformPackager.prototype.generateFuseConfig.call(null, config.electronFuses);
    const indexes = Object.values(FuseV1Options).filter((v): v is number => typeof v === 'number');
    for (const index of indexes) expect(typeof wire[String(index)], `fuse ${FuseV1Options[index]}`).toBe('boolean');
  });
});

describe('asar', () => {
  it('is on, with its integrity hash embedded (OnlyLoadAppFromAsar and the integrity fuse need both)', () => {
    expect(config.asar).toBe(true);
    expect(config.disableAsarIntegrity ?? false).toBe(false);
    expect(config.win?.asar ?? true).not.toBe(false);
    expect(config.linux?.asar ?? true).not.toBe(false);
  });

  it('unpacks better-sqlite3\'s native module and keeps the app\'s own code inside the archive', () => {
    const matchers = fileMatcherLib.getFileMatchers(config, 'asarUnpack', path.join(outDir, 'resources/app'), {
      macroExpander: same, customBuildOptions: {}, globalOutDir: outDir, defaultSrc: appDir,
    });
    expect(matchers).not.toBeNull();
    const unpacked = matchers![0]!.createFilter();
    const abs = (rel: string): string => path.join(appDir, rel);
    expect(unpacked(abs('node_modules/better-sqlite3/build/Release/better_sqlite3.node'), file)).toBe(true);
    for (const rel of ['dist/electron/main.cjs', 'dist/electron/worker.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html', 'package.json']) {
      expect(unpacked(abs(rel), file), rel).toBe(false);
    }
  });
});

describe('what goes into the package', () => {
  function mainFilter(platform: 'win' | 'linux'): Filter {
    const info: PackagerInfo = { projectDir: ROOT, buildResourcesDir: buildResources, isPrepackedAppAsar: false, config, debugLogger: quietLogger };
    const matchers = fileMatcherLib.getMainFileMatchers(appDir, path.join(outDir, 'app'), same, config[platform] ?? {}, { info }, outDir, false);
    expect(matchers.length).toBe(1);
    return matchers[0]!.createFilter();
  }

  /** Walks a real module folder the way electron-builder's NodeModuleCopyHelper applies the filter. */
  function packedFilesOf(moduleName: string): string[] {
    const info: PackagerInfo = { projectDir: ROOT, buildResourcesDir: buildResources, isPrepackedAppAsar: false, config, debugLogger: quietLogger };
    const destination = path.join(outDir, 'app');
    const patterns = fileMatcherLib.getNodeModuleFileMatcher(appDir, destination, same, config.linux ?? {}, info).patterns;
    const source = path.join(appDir, 'node_modules', moduleName);
    const filter = new fileMatcherLib.FileMatcher(source, path.join(destination, 'node_modules', moduleName), same, patterns).createFilter();
    const kept: string[] = [];
    const walk = (folder: string): void => {
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        const rel = path.relative(source, full).split(path.sep).join('/');
        const stat = { isDirectory: () => entry.isDirectory(), moduleFullFilePath: `node_modules/${moduleName}/${rel}` };
        if (!filter(full, stat)) continue;
        if (entry.isDirectory()) walk(full); else kept.push(rel);
      }
    };
    walk(source);
    return kept;
  }

  const buildScript = fs.readFileSync(path.join(ROOT, 'build/build-electron.mjs'), 'utf8');
  const bundles = [...buildScript.matchAll(/outfile: '([^']+)'/g)].map((m) => m[1]!);

  it('build-electron.mjs makes main, preload and worker bundles', () => {
    expect(bundles.sort()).toEqual(['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/electron/worker.cjs']);
  });

  for (const platform of ['win', 'linux'] as const) {
    it(`${platform}: the bundles, the interface, the window icon and package.json are in`, () => {
      const included = mainFilter(platform);
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string };
      const wanted = [...bundles, pkg.main, 'dist/electron/icon.png', 'dist/renderer/index.html', 'dist/renderer/assets/index-abc123.js', 'dist/renderer/assets/index-abc123.css', 'package.json'];
      for (const rel of ['dist', 'dist/electron', 'dist/renderer', 'dist/renderer/assets']) expect(included(path.join(appDir, rel), dir), rel).toBe(true);
      for (const rel of wanted) expect(included(path.join(appDir, rel), file), rel).toBe(true);
    });

    it(`${platform}: source maps, sources, tests, build files and earlier installers are out`, () => {
      const included = mainFilter(platform);
      const unwanted = [
        'dist/electron/main.cjs.map', 'dist/electron/worker.cjs.map', 'dist/renderer/assets/index-abc123.js.map',
        'electron/main/main.ts', 'electron/backend/worker.ts', 'shared/contract/index.ts', 'renderer/src/main.tsx',
        'test/unit/packaging.test.ts', 'bin/bangkom.js', 'build/electron-builder.yml', 'build/make-icon.mjs', 'build/icon.png',
        'README.md', 'tsconfig.base.json', 'package-lock.json', 'dist/installers/Bangkom Setup 0.1.0.exe',
        'dist/installers/win-unpacked/resources/app.asar', '.bangkom-data/bangkom.sqlite',
      ];
      for (const rel of unwanted) expect(included(path.join(appDir, rel), file), rel).toBe(false);
    });
  }

  it('package.json "main" is the main bundle that build-electron.mjs writes', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(bundles).toContain(pkg.main);
  });

  it('better-sqlite3 ships its JavaScript and the native module, not its C sources or build leftovers', () => {
    const kept = packedFilesOf('better-sqlite3');
    expect(kept).toContain('package.json');
    expect(kept).toContain('lib/index.js');
    expect(kept).toContain('build/Release/better_sqlite3.node');
    expect(kept.filter((f) => /^(deps|src)\//.test(f) || /\.(c|cpp|h|hpp|lzz)$/.test(f) || f.includes('obj.target/'))).toEqual([]);
    expect(kept).not.toContain('build/Release/test_extension.node');
  });

  it('the TypeScript runner of the CLI (tsx and its esbuild) stays out', () => {
    expect(fs.existsSync(path.join(appDir, 'node_modules/tsx/package.json'))).toBe(true);
    expect(packedFilesOf('tsx')).toEqual([]);
    expect(packedFilesOf('esbuild')).toEqual([]);
  });

  it('what the backend reads at run time stays in: the region lists and the PDF fonts', () => {
    expect(packedFilesOf('idn-area-data').some((f) => f.startsWith('data/'))).toBe(true);
    expect(packedFilesOf('pdfmake').some((f) => /^fonts\/Roboto\/.+\.ttf$/.test(f))).toBe(true);
  });
});

describe('installers', () => {
  it('Windows: an NSIS installer for the current user, never asking for administrator rights', () => {
    const targets = (config.win?.target ?? []) as Array<string | { target: string }>;
    expect(targets.map((t) => (typeof t === 'string' ? t : t.target))).toEqual(['nsis']);
    expect(config.win?.requestedExecutionLevel).toBe('asInvoker');
    expect(config.nsis?.perMachine).toBe(false);
    expect(config.nsis?.oneClick).toBe(false);
    expect(config.nsis?.allowElevation).toBe(false);
    expect(config.nsis?.selectPerMachineByDefault ?? false).toBe(false);
    expect(config.nsis?.deleteAppDataOnUninstall ?? false).toBe(false); // the database outlives an uninstall
  });

  it('Linux: AppImage and deb', () => {
    const targets = (config.linux?.target ?? []) as Array<string | { target: string }>;
    expect(targets.map((t) => (typeof t === 'string' ? t : t.target)).sort()).toEqual(['AppImage', 'deb']);
  });

  it('package.json has what electron-builder checks, and what a deb needs (maintainer e-mail, homepage)', async () => {
    const pkgFile = path.join(ROOT, 'package.json');
    const metadata = await packageMetadataLib.readPackageJson(pkgFile);
    expect(() => packageMetadataLib.checkMetadata(metadata, metadata, pkgFile, pkgFile)).not.toThrow();
    expect(metadata.description).toEqual(expect.any(String));
    const maintainer = config.linux?.maintainer ?? config.deb?.maintainer
      ?? (metadata.author?.email ? `${metadata.author.name} <${metadata.author.email}>` : null);
    expect(maintainer).toMatch(/^.+ <[^@\s]+@[^@\s>]+>$/);
    expect(metadata.homepage).toMatch(/^https?:\/\//);
  });
});

describe('icons', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bangkom-icons-'));
    return () => fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('Linux: build/icon.png, a square PNG of at least 512 px, used as it is', async () => {
    const result = await convertIcon({ sources: [config.linux?.icon ?? ''], fallbackSources: [], roots: [buildResources, ROOT], format: 'set', outDir: tmp });
    expect(result.isFallback).toBe(false);
    expect(result.icons.map((i) => i.file)).toEqual([path.join(ROOT, 'build/icon.png')]);
    const png = PNG.sync.read(fs.readFileSync(path.join(ROOT, 'build/icon.png')));
    expect(png.width).toBeGreaterThanOrEqual(512);
    expect(png.height).toBe(png.width);
    const alpha = (x: number, y: number): number => png.data[(y * png.width + x) * 4 + 3]!;
    expect(alpha(0, 0)).toBe(0); // rounded corner
    expect(alpha(png.width >> 1, png.height >> 1)).toBe(255);
  });

  it('Windows: build/icon.ico with a 256 px image, taken as it is (no conversion tool to download)', async () => {
    const result = await convertIcon({ sources: [config.win?.icon ?? ''], fallbackSources: [], roots: [buildResources, ROOT], format: 'ico', outDir: tmp });
    expect(result.isFallback).toBe(false);
    expect(result.icons).toEqual([{ file: path.join(ROOT, 'build/icon.ico'), size: 256 }]);
  });

  it('the ICO holds 16 to 256 px images: 32-bit bitmaps, and a PNG at 256', () => {
    const ico = fs.readFileSync(path.join(ROOT, 'build/icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const e = 6 + 16 * i;
      const size = ico[e] || 256;
      const body = ico.subarray(ico.readUInt32LE(e + 12), ico.readUInt32LE(e + 12) + ico.readUInt32LE(e + 8));
      expect(body.length, `${size} px image inside the file`).toBe(ico.readUInt32LE(e + 8));
      if (size === 256) {
        const png = PNG.sync.read(body);
        expect([png.width, png.height]).toEqual([256, 256]);
      } else {
        expect(body.readUInt32LE(0), 'BITMAPINFOHEADER').toBe(40);
        expect([body.readInt32LE(4), body.readInt32LE(8), body.readUInt16LE(14)]).toEqual([size, size * 2, 32]);
      }
      sizes.push(size);
    }
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
  });

  it('build/icon.png and build/icon.ico are what build/make-icon.mjs draws', () => {
    expect(() => execFileSync(process.execPath, ['build/make-icon.mjs', '--check'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
  });
});
