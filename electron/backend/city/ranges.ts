/** Batch numbers as people say them: "6", "6–7", "3, 6–7". One way for every message and screen. */

/** Runs of consecutive numbers, `[from, to]`, from any numbers (repeats and order do not matter). */
export function numberRuns(numbers: Iterable<number>): [number, number][] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const n of sorted) {
    const last = runs.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs;
}

/** "3, 6–7" from runs; null when there are none. A run is said by its ends, however long. */
export function formatRuns(runs: readonly (readonly [number, number])[]): string | null {
  const parts = runs.filter(([from, to]) => from <= to).map(([from, to]) => (from === to ? String(from) : `${from}–${to}`));
  return parts.length ? parts.join(', ') : null;
}
