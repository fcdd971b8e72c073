// Timing helpers for `npm run bench`: medians over repeated runs, printed as a table or, with
// --json, one JSON object per figure per line.
export interface Figure {
  name: string;
  median_ms: number;
  runs: number;
  ratio?: number;
  baseline_ms?: number;
  [extra: string]: unknown;
}

export const JSON_OUTPUT = process.argv.includes('--json');

export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Median of `runs` timed calls after `warmup` untimed ones. With `selfTimed`, `fn` returns its
 * own elapsed milliseconds, so per-run set-up (a fresh database) stays out of the figure.
 */
export async function measure(runs: number, fn: () => unknown | Promise<unknown>, warmup = Math.min(5, runs), selfTimed = false): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const own = await fn();
    samples.push(selfTimed ? Number(own) : performance.now() - start);
  }
  return round(median(samples));
}

/**
 * Medians of a measured operation and its raw baseline, run in turns (one of each, `runs`
 * times), so that whatever else the machine is doing weighs on both alike. Both are self-timed.
 */
export async function measurePair(
  runs: number, fn: () => Promise<number> | number, baseline: () => Promise<number> | number, warmup = 1,
): Promise<{ medianMs: number; baselineMs: number }> {
  const { own, raw } = await measureInTurns(runs, { own: fn, raw: baseline }, warmup);
  return { medianMs: own, baselineMs: raw };
}

/**
 * measurePair for any number of self-timed operations: one of each in turn, `runs` times, after
 * `warmup` untimed turns; the median of each.
 */
export async function measureInTurns<K extends string>(
  runs: number, fns: Record<K, () => Promise<number> | number>, warmup = 1,
): Promise<Record<K, number>> {
  const keys = Object.keys(fns) as K[];
  for (let i = 0; i < warmup; i++) for (const k of keys) await fns[k]();
  const samples = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < runs; i++) for (const k of keys) samples[k].push(await fns[k]());
  return Object.fromEntries(keys.map((k) => [k, round(median(samples[k]))])) as Record<K, number>;
}

/** `fn` as a self-timed function for measurePair. */
export function timed(fn: () => unknown): () => Promise<number> {
  return async () => {
    const start = performance.now();
    await fn();
    return performance.now() - start;
  };
}

export const round = (n: number) => Math.round(n * 1000) / 1000;

export function report(figure: Figure): void {
  if (JSON_OUTPUT) {
    process.stdout.write(`${JSON.stringify(figure)}\n`);
    return;
  }
  const ratio = figure.ratio !== undefined ? `  (×${figure.ratio} of raw ${figure.baseline_ms} ms)` : '';
  const extra = Object.entries(figure).filter(([k]) => !['name', 'median_ms', 'runs', 'ratio', 'baseline_ms'].includes(k))
    .map(([k, v]) => `${k}=${String(v)}`).join(' ');
  process.stdout.write(`${figure.name.padEnd(28)} ${String(figure.median_ms).padStart(10)} ms  median of ${figure.runs}${ratio}${extra ? `  ${extra}` : ''}\n`);
}

export function withRatio(name: string, runs: number, medianMs: number, baselineMs: number): Figure {
  return { name, median_ms: medianMs, runs, baseline_ms: baselineMs, ratio: round(medianMs / baselineMs) };
}

/** The office every bench sets up: Kecamatan Plaju, Kota Palembang. */
export const PLAJU_SETUP = {
  regionCode: '16.71.14', name: 'Kantor Kecamatan Plaju', address: '', timezone: 'Asia/Jakarta',
  signer: { name: 'Camat Plaju', nip: '19700101 199003 1 002', title: 'Camat' },
};
