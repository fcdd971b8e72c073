import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/contract/errors.ts';
import { id } from '../../shared/i18n/id.ts';
import { en } from '../../shared/i18n/en.ts';
import { createI18n, errorText, fieldLabel, issueText } from '../../shared/i18n/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Every leaf key of a nested catalogue, as dotted paths. */
function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k)).sort();
}

function leaf(catalogue: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('message catalogues', () => {
  it('id and en have the same keys', () => {
    const idKeys = leafKeys(id);
    const enKeys = leafKeys(en);
    expect(idKeys.length).toBeGreaterThan(50);
    expect(enKeys.filter((k) => !idKeys.includes(k)), 'only in en').toEqual([]);
    expect(idKeys.filter((k) => !enKeys.includes(k)), 'only in id').toEqual([]);
  });

  it('every leaf is a non-empty string, and both languages use the same {{placeholders}}', () => {
    for (const key of leafKeys(id)) {
      const a = leaf(id, key);
      const b = leaf(en, key);
      expect(typeof a === 'string' && a.trim().length > 0, `id ${key}`).toBe(true);
      expect(typeof b === 'string' && b.trim().length > 0, `en ${key}`).toBe(true);
      const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(vars(b as string), key).toEqual(vars(a as string));
    }
  });

  it('every error code has a text in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(typeof leaf(id, `errors.${code}`), code).toBe('string');
      expect(typeof leaf(en, `errors.${code}`), code).toBe('string');
    }
  });

  it('every message key written in shared/ and electron/ has a text', () => {
    const files = [...sourceFiles(path.join(ROOT, 'shared')), ...sourceFiles(path.join(ROOT, 'electron'))];
    const keys = new Set<string>();
    for (const f of files) {
      for (const m of fs.readFileSync(f, 'utf8').matchAll(/['"`]((?:validation|nip)\.[a-z_]+)['"`]/g)) keys.add(m[1]!);
    }
    expect(keys.size).toBeGreaterThan(20);
    const missing = [...keys].filter((k) => typeof leaf(id, k) !== 'string' || typeof leaf(en, k) !== 'string');
    expect(missing).toEqual([]);
  });

  it('the zod issue codes the contract turns into keys have texts', () => {
    for (const code of ['invalid_type', 'too_small', 'too_big', 'invalid_format', 'invalid_value', 'unrecognized_keys', 'custom']) {
      expect(typeof leaf(id, `validation.${code}`), code).toBe('string');
    }
  });
});

describe('translating errors', () => {
  const tId = createI18n('id').t;
  const tEn = createI18n('en').t;

  it('Indonesian is the default language', () => {
    expect(createI18n().t('errors.FORBIDDEN')).toBe('Anda tidak berhak melakukan ini.');
    expect(tEn('errors.FORBIDDEN')).toBe('You are not allowed to do this.');
  });

  it('field labels follow the path, nested ones too; unknown paths have none', () => {
    expect(fieldLabel(tId, ['signer', 'nip'])).toBe('NIP penandatangan');
    expect(fieldLabel(tEn, ['admin'])).toBe('Admin');
    expect(fieldLabel(tId, ['noSuchField'])).toBeNull();
    expect(fieldLabel(tId, ['items', 3, 'name'])).toBeNull();
  });

  it('an issue with an unknown key falls back to a generic text', () => {
    expect(issueText(tId, { path: [], message: 'validation.no_such_key' })).toBe('Isian tidak valid.');
    expect(issueText(tEn, { path: [], message: 'validation.too_small', params: { minimum: 3 } })).toBe('Too short (at least 3).');
  });

  it('errorText names the field in Indonesian and in English', () => {
    const error = { code: 'VALIDATION' as const, message: 'validation.region_unknown', details: { issues: [{ path: ['regionCode'], message: 'validation.region_unknown', params: { code: '16.71.99' } }] } };
    expect(errorText(tId, error)).toBe('Kecamatan: Kode wilayah 16.71.99 tidak ada dalam daftar Kemendagri.');
    expect(errorText(tEn, error)).toBe('Kecamatan: Region code 16.71.99 is not in the Kemendagri list.');
  });

  it('errorText of a VALIDATION without issues, and of an unknown code, uses the code text or the message', () => {
    expect(errorText(tId, { code: 'VALIDATION', message: 'x' })).toBe('Ada isian yang belum benar.');
    expect(errorText(tEn, { code: 'NETWORK' as never, message: 'offline' })).toBe('Cannot reach the Bangkom service. Make sure the application is still running.');
  });
});
