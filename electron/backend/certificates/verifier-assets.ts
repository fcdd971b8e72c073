/**
 * The standalone verifier page's script (renderer/verifier/main.ts, bundled) and its HTML shell
 * (renderer/verifier/page.html), for verifier-html.ts.
 *
 * In the bundles (dist/cli, dist/electron) this module is replaced by one holding both as strings,
 * built with the bundle (verifierAssetsPlugin in build/build-verifier.mjs). Run from the sources
 * (tsx, Vitest) it builds them on first use with esbuild, a devDependency (~0.3 s).
 */
import type * as BuildVerifier from '../../../build/build-verifier.mjs';

export interface VerifierAssets {
  script: string;
  shell: string;
}

let built: Promise<VerifierAssets> | undefined;

export function verifierAssets(): Promise<VerifierAssets> {
  built ??= (async () => {
    // A path computed at run time: bundlers leave it alone (the plugin replaces this module).
    const url = new URL('../../../build/build-verifier.mjs', import.meta.url).href;
    let build: typeof BuildVerifier;
    try {
      build = (await import(url)) as typeof BuildVerifier;
    } catch (err) {
      throw new Error(`The standalone verifier page is not part of this build (${(err as Error).message}).`);
    }
    const { script, shell } = await build.buildVerifierAssets();
    return { script, shell };
  })();
  built.catch(() => {
    built = undefined;
  });
  return built;
}
