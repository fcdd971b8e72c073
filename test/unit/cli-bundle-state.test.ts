// bin/bangkom.js runs the bundle in dist/cli only while it is as new as every source it was made
// from (dist/cli/inputs.json); otherwise the sources, through tsx.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleState } from '../../bin/bundle-state.js';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) fs.rmSync(d, { recursive: true, force: true }); });

function project(): { root: string; touch(rel: string, secondsAgo: number): void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bangkom-bundle-'));
  dirs.push(root);
  const touch = (rel: string, secondsAgo: number) => {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (!fs.existsSync(file)) fs.writeFileSync(file, '');
    const at = new Date(Date.now() - secondsAgo * 1000);
    fs.utimesSync(file, at, at);
  };
  return { root, touch };
}

describe('bundleState', () => {
  it('missing without a bundle', () => {
    expect(bundleState(project().root)).toBe('missing');
  });

  it('fresh when every listed source is older than the bundle, stale as soon as one is newer', () => {
    const p = project();
    p.touch('electron/cli/main.ts', 60);
    p.touch('shared/contract/index.ts', 50);
    p.touch('dist/cli/bangkom.mjs', 10);
    fs.writeFileSync(path.join(p.root, 'dist/cli/inputs.json'), JSON.stringify({ inputs: ['electron/cli/main.ts', 'shared/contract/index.ts'] }));
    expect(bundleState(p.root)).toBe('fresh');
    p.touch('shared/contract/index.ts', 1);
    expect(bundleState(p.root)).toBe('stale');
  });

  it('stale when a listed source is gone or the list is unreadable', () => {
    const p = project();
    p.touch('dist/cli/bangkom.mjs', 10);
    fs.writeFileSync(path.join(p.root, 'dist/cli/inputs.json'), JSON.stringify({ inputs: ['electron/cli/gone.ts'] }));
    expect(bundleState(p.root)).toBe('stale');
    fs.writeFileSync(path.join(p.root, 'dist/cli/inputs.json'), '{');
    expect(bundleState(p.root)).toBe('stale');
  });
});
