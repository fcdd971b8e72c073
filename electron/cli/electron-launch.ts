import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

export type LaunchCheck = { ok: true; binary: string } | { ok: false; reason: string };

/**
 * Finds the Electron binary without `require('electron')`, which would try to download it.
 * Also refuses when there is no display to open a window on.
 */
export function findElectron(env = process.env, platform = process.platform): LaunchCheck {
  let dir: string;
  try {
    dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'paket electron tidak terpasang' };
  }
  const pathFile = path.join(dir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  const binary = relative ? path.join(dir, 'dist', relative) : '';
  if (!binary || !fs.existsSync(binary)) return { ok: false, reason: 'program Electron belum diunduh (node_modules/electron/dist kosong)' };
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return { ok: false, reason: 'tidak ada layar (DISPLAY kosong)' };
  return { ok: true, binary };
}

/** Starts Electron on the built main; resolves false when it fails within the first seconds. */
export function launchElectron(binary: string, appDir: string, args: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(binary, [appDir, ...args], { stdio: 'inherit' });
    const timer = setTimeout(() => resolve(true), 5000);
    child.on('error', () => { clearTimeout(timer); resolve(false); });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) resolve(false);
      else process.exit(0);
    });
  });
}
