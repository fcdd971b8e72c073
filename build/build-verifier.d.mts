// Types of build-verifier.mjs for the TypeScript that imports it (verifier-assets.ts from the sources).
export const VERIFIER_ENTRY: string;
export const VERIFIER_PAGE: string;
export const VERIFIER_DIR: string;
export const VERIFIER_SCRIPT: string;
export function buildVerifierAssets(options?: { esbuild?: typeof import('esbuild'); write?: boolean }): Promise<{ script: string; shell: string; inputs: string[] }>;
export function verifierAssetsPlugin(options?: { esbuild?: typeof import('esbuild'); write?: boolean; onInputs?: (inputs: string[]) => void }): import('esbuild').Plugin;
