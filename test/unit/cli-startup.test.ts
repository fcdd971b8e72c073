// A command starts fast because the bundle's entry loads only commander, the command modules and
// the messages; the contract's schemas (zod) and the backend load when a command needs them. A
// command module importing a value from shared/contract would pull them into every start.
import { build } from 'esbuild';
import { expect, it } from 'vitest';
import { CLI_EXTERNAL } from '../../build/build-cli.mjs';

it('the CLI entry loads neither zod nor the contract nor the backend before a command runs', async () => {
  const result = await build({
    entryPoints: { bangkom: 'electron/cli/main.ts' }, outdir: '/tmp/bangkom-cli-startup', bundle: true, splitting: true,
    format: 'esm', platform: 'node', target: 'node20', metafile: true, write: false, external: CLI_EXTERNAL, logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((name) => /bangkom\.js$/.test(name))!;
  // Every output reached by static imports from the entry: what `bangkom --version` loads.
  const eager = new Set<string>();
  const visit = (name: string) => {
    if (eager.has(name)) return;
    eager.add(name);
    for (const i of outputs[name]!.imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(entry);
  const loaded = [...eager].flatMap((name) => Object.keys(outputs[name]!.inputs));
  expect(loaded.length).toBeGreaterThan(10);
  expect(loaded.filter((input) => /node_modules\/zod\/|shared\/contract\/(define|index)\.ts|electron\/backend\/backend\.ts/.test(input))).toEqual([]);
}, 60_000);
