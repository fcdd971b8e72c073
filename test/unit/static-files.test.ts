import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, readStatic, resolveStaticPath } from '../../electron/server/static-files.ts';

let base: string;
let root: string;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'bangkom-static-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Bangkom</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'rahasia');
  fs.mkdirSync(path.join(base, 'renderer-evil'));
  fs.writeFileSync(path.join(base, 'renderer-evil', 'x.js'), 'evil');
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('resolveStaticPath', () => {
  it.each([
    '/../etc/passwd',
    '/../secret.txt',
    '/%2e%2e/x',
    '/%2E%2E/secret.txt',
    '/..%2fx',
    '/..%2Fsecret.txt',
    '/assets/../../secret.txt',
    '/..\\secret.txt',
    '/assets\\..\\..\\secret.txt',
    '/%5c..%5csecret.txt',
    '/index.html%00.js',
    '/\0',
    '/%E0%A4%A',
    '/../renderer-evil/x.js',
  ])('refuses %j', (url) => {
    expect(resolveStaticPath(root, url)).toBeNull();
  });

  it('maps ordinary paths inside the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveStaticPath(root, '/assets/app.js?v=2#x')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveStaticPath(root, '//assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveStaticPath(root, '/assets/./app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveStaticPath(root, '/Daftar%20Pegawai')).toBe(path.join(root, 'Daftar Pegawai'));
  });
});

describe('readStatic', () => {
  it('serves files with their type, app routes as index.html, missing assets as nothing', () => {
    expect(readStatic(root, '/assets/app.js')).toMatchObject({ type: 'text/javascript; charset=utf-8' });
    expect(readStatic(root, '/pegawai')?.body.toString()).toContain('<title>Bangkom</title>');
    expect(readStatic(root, '/assets/missing.js')).toBeNull();
    expect(readStatic(root, '/../secret.txt')).toBeNull();
  });

  it('the CSP allows nothing from outside the app', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:/);
  });
});
