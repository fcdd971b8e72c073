import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_NAME, defaultDataDir, resolveDataDir } from '../../electron/backend/paths.ts';

describe('defaultDataDir (the folder Electron calls userData)', () => {
  it('Windows: %APPDATA%\\Bangkom', () => {
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\siti\\AppData\\Roaming' }, 'C:\\Users\\siti'))
      .toBe('C:\\Users\\siti\\AppData\\Roaming\\Bangkom');
  });

  it('Windows without APPDATA: the roaming folder under the home folder', () => {
    expect(defaultDataDir('win32', {}, 'C:\\Users\\siti')).toBe('C:\\Users\\siti\\AppData\\Roaming\\Bangkom');
  });

  it('macOS: ~/Library/Application Support/Bangkom', () => {
    expect(defaultDataDir('darwin', {}, '/Users/siti')).toBe('/Users/siti/Library/Application Support/Bangkom');
  });

  it('Linux: ~/.config/Bangkom, or $XDG_CONFIG_HOME/Bangkom', () => {
    expect(defaultDataDir('linux', {}, '/home/siti')).toBe('/home/siti/.config/Bangkom');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/data/config' }, '/home/siti')).toBe('/data/config/Bangkom');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '' }, '/home/siti')).toBe('/home/siti/.config/Bangkom');
  });

  it('uses the product name', () => {
    expect(APP_NAME).toBe('Bangkom');
  });
});

describe('resolveDataDir', () => {
  it('--data wins over BANGKOM_DATA, which wins over the default; the result is absolute', () => {
    expect(resolveDataDir('/srv/bangkom', { BANGKOM_DATA: '/other' })).toBe(path.resolve('/srv/bangkom'));
    expect(resolveDataDir(undefined, { BANGKOM_DATA: '/other' })).toBe(path.resolve('/other'));
    expect(resolveDataDir('relatif', {})).toBe(path.resolve('relatif'));
    expect(path.isAbsolute(resolveDataDir(undefined, {}))).toBe(true);
  });
});
