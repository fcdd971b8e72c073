import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from '@playwright/test';
import { createBackend } from '../../electron/backend/backend.ts';
import { startHttpServer } from '../../electron/server/http.ts';
import { median, report, round } from './harness.ts';

const RENDERER = path.resolve('dist/renderer');
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * renderer.bundle: bytes the browser loads for the first screen (the JS and CSS index.html names),
 * raw and gzipped; chunks loaded later (the charts) are counted apart as `lazy_kb`.
 */
export function bundleSize(): void {
  const html = fs.readFileSync(path.join(RENDERER, 'index.html'), 'utf8');
  const first = new Set([...html.matchAll(/assets\/([^"'?#]+\.(?:js|css))/g)].map((m) => m[1]!));
  const files = fs.readdirSync(path.join(RENDERER, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  let raw = 0;
  let gzip = 0;
  let lazy = 0;
  for (const f of files) {
    const data = fs.readFileSync(path.join(RENDERER, 'assets', f));
    if (!first.has(f)) {
      lazy += data.length;
      continue;
    }
    raw += data.length;
    gzip += zlib.gzipSync(data).length;
  }
  report({ name: 'renderer.bundle', median_ms: 0, runs: 1, kb: round(raw / 1024), gzip_kb: round(gzip / 1024), files: first.size, lazy_kb: round(lazy / 1024) });
}

/** renderer.first_paint: first contentful paint of the app in Chromium against `serve`, fresh page each run. */
export async function firstPaint(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangkom-bench-'));
  const backend = createBackend({ dataDir: dir });
  const server = await startHttpServer({ backend, staticDir: RENDERER, port: 0 });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const samples: number[] = [];
  const runs = 10;
  for (let i = 0; i < runs + 2; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]!.startTime);
    if (i >= 2) samples.push(fcp);
    await context.close();
  }
  await browser.close();
  await server.close();
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
  report({ name: 'renderer.first_paint', median_ms: round(median(samples)), runs });
}
