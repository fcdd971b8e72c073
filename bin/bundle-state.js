// Whether dist/cli holds a bundle made from the sources as they are now (bin/bangkom.js).
import fs from 'node:fs';
import path from 'node:path';

/**
 * 'fresh', 'stale' (a source the bundle was made from, as listed in dist/cli/inputs.json, is
 * newer than it or gone) or 'missing'. About 150 stat calls: a millisecond or two.
 */
export function bundleState(root) {
  let built;
  try {
    built = fs.statSync(path.join(root, 'dist', 'cli', 'bangkom.mjs')).mtimeMs;
  } catch {
    return 'missing';
  }
  try {
    const { inputs } = JSON.parse(fs.readFileSync(path.join(root, 'dist', 'cli', 'inputs.json'), 'utf8'));
    for (const file of inputs) if (fs.statSync(path.join(root, file)).mtimeMs > built) return 'stale';
    return 'fresh';
  } catch {
    return 'stale';
  }
}
