import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Bangkom';
export const DB_FILE = 'bangkom.sqlite';

/**
 * The per-user application data folder, the same one Electron's `app.getPath('userData')`
 * gives for this product name, so Electron, `serve` and the CLI share one database.
 */
export function defaultDataDir(platform = process.platform, env = process.env, home = os.homedir()): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), APP_NAME);
}

/** `--data DIR` wins, then `BANGKOM_DATA`, then the OS default. */
export function resolveDataDir(option?: string, env = process.env): string {
  return path.resolve(option || env.BANGKOM_DATA || defaultDataDir());
}
