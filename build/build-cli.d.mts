// Types of build-cli.mjs for the TypeScript that imports it (test/global-setup.ts, the bench).
export const CLI_DIR: string;
export const CLI_BUNDLE: string;
export const CLI_INPUTS: string;
export const CLI_EXTERNAL: string[];
export function buildCli(esbuild?: typeof import('esbuild')): Promise<{ bundle: string; inputs: string[] }>;
