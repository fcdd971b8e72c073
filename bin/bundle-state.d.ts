/** Whether dist/cli under `root` holds a bundle made from the sources as they are now. */
export function bundleState(root: string): 'fresh' | 'stale' | 'missing';
