import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots');
const READY = /Bangkom berjalan di (http:\/\/127\.0\.0\.1:\d+\/)/;

export interface BangkomServer {
  url: string;
  dataDir: string;
}

interface Running extends BangkomServer {
  stop(): Promise<void>;
}

/** `node bin/bangkom.js serve --data <fresh temp folder> --port 0`, resolved once it listens. */
async function startServer(): Promise<Running> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) {
    throw new Error('The renderer is not built: run `npx vite build --config renderer/vite.config.ts` first.');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangkom-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['bin/bangkom.js', 'serve', '--data', dataDir, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BANGKOM_LANG: 'id' },
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bangkom serve did not start within 30 s.\n${stdout}\n${stderr}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = READY.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bangkom serve exited (${code}) before listening.\n${stdout}\n${stderr}`));
    });
  });
  return {
    url,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One server per spec file: the first test of a file starts it, the first test of the next
 * file (same worker) stops the previous one, and the worker's end stops the last.
 */
class ServerPerFile {
  private current: { file: string; server: Promise<Running> } | null = null;

  async forFile(file: string): Promise<Running> {
    if (this.current?.file !== file) {
      await this.stop();
      this.current = { file, server: startServer() };
    }
    return this.current.server;
  }

  async stop(): Promise<void> {
    const previous = this.current;
    this.current = null;
    if (previous) await (await previous.server.catch(() => null))?.stop();
  }
}

/** Console output that means something is broken: uncaught errors, CSP refusals, missing i18n keys. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    const text = msg.text();
    // Chromium logs every non-2xx response; the app shows those errors itself.
    if (msg.type() === 'error' && !text.startsWith('Failed to load resource')) problems.push(`console.error: ${text}`);
    if (text.includes('[i18n] missing key')) problems.push(text);
  });
  return problems;
}

export const test = base.extend<{ server: BangkomServer }, { servers: ServerPerFile }>({
  servers: [
    async ({}, use) => {
      const servers = new ServerPerFile();
      await use(servers);
      await servers.stop();
    },
    { scope: 'worker' },
  ],
  server: async ({ servers }, use, testInfo) => {
    await use(await servers.forFile(testInfo.file));
  },
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
  page: async ({ page }, use) => {
    const problems = watchConsole(page);
    await use(page);
    expect(problems, 'browser console problems').toEqual([]);
  },
});

export { expect };

/** A full-page screenshot kept for people to look at: test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** The office's first admin in every spec. */
export const ADMIN = { username: 'admin.plaju', fullName: 'Rahmat Hidayat', password: 'plaju-admin-2026' };

/** A call through the app's own HTTP door (preconditions and checks only). */
export async function call<T>(page: Page, method: string, data: unknown): Promise<T> {
  const response = await page.request.post(`/api/${method}`, { data });
  const body = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  expect(body.ok, `${method}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.value;
}

/** Precondition only: Kecamatan Plaju set up through the same HTTP door the setup wizard uses. */
async function setUpOffice(page: Page): Promise<void> {
  const status = await call<{ setupDone: boolean }>(page, 'system.status', {});
  if (status.setupDone) return;
  await call(page, 'office.setup', {
    regionCode: '16.71.14',
    name: 'Kantor Kecamatan Plaju',
    address: 'Jl. Kapten Abdullah No. 1, Plaju, Palembang',
    timezone: 'Asia/Jakarta',
    signer: { name: 'Drs. H. Ahmad Fauzi, M.Si.', nip: '19700101 199003 1 002', title: 'Camat' },
    admin: { username: ADMIN.username, fullName: ADMIN.fullName, password: ADMIN.password },
  });
}

/** The admin at the home screen: the office set up first if it is not yet, logged in if need be. */
export async function logIn(page: Page): Promise<void> {
  await setUpOffice(page);
  await logInToOffice(page);
}

/** The admin at the home screen of an office already set up (a kecamatan or a city office), logged in if need be. */
export async function logInToOffice(page: Page, admin: { username: string; fullName: string; password: string } = ADMIN): Promise<void> {
  await page.goto('/');
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/Masuk|Selamat datang/);
  if ((await heading.textContent()) === 'Masuk') {
    await page.getByLabel('Nama pengguna').fill(admin.username);
    await page.getByLabel('Kata sandi').fill(admin.password);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('heading', { name: `Selamat datang, ${admin.fullName}` })).toBeVisible();
}
