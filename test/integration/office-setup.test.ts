// First-run setup of the office, as the clerk fills it in: every wrong field is named, in a way
// the UI can translate, and the logo is checked by decoding it, not by its first bytes.
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGO_MAX_BYTES } from '../../shared/contract/office.ts';
import type { ApiErrorData } from '../../shared/contract/errors.ts';
import { createI18n, errorText } from '../../shared/i18n/index.ts';
import {
  ADMIN, SIGNER_NIP_DIGITS, count, openTestBackend, peek, removeTempDirs, setUpOffice, setupInput, type TestBackend,
} from '../helpers/backend.ts';
import { b64, corruptPng, makeJpeg, makePng } from '../helpers/images.ts';

const id = createI18n('id').t;
const en = createI18n('en').t;

function issue(error: ApiErrorData, path: (string | number)[]) {
  return error.details?.issues?.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
}

/** A valid PNG made exactly `size` bytes long with a text chunk (decoders skip it). */
function pngOfSize(size: number): Buffer {
  const base = makePng(8, 8);
  const iend = base.length - 12;
  const textLength = size - base.length - 12;
  const data = Buffer.concat([Buffer.from('Comment\0', 'latin1'), Buffer.alloc(textLength - 8, 0x41)]);
  const type = Buffer.from('tEXt', 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  type.copy(chunk, 4);
  data.copy(chunk, 8);
  chunk.writeUInt32BE(zlib.crc32(Buffer.concat([type, data])) >>> 0, 8 + data.length);
  const out = Buffer.concat([base.subarray(0, iend), chunk, base.subarray(iend)]);
  expect(out.length).toBe(size);
  return out;
}

afterAll(() => removeTempDirs());

describe('office.setup refuses bad input, naming the field', () => {
  let t: TestBackend;
  beforeAll(() => { t = openTestBackend(); });
  afterAll(() => t.close());

  it('an unknown kecamatan code: VALIDATION on regionCode, validation.region_unknown', async () => {
    const error = await t.fails('office.setup', setupInput({ regionCode: '16.71.99' }), 'VALIDATION');
    expect(error.details?.issues).toEqual([{ path: ['regionCode'], message: 'validation.region_unknown', params: { code: '16.71.99' } }]);
    expect(errorText(id, error)).toBe('Kecamatan: Kode wilayah 16.71.99 tidak ada dalam daftar Kemendagri.');
    expect(errorText(en, error)).toBe('Kecamatan: Region code 16.71.99 is not in the Kemendagri list.');
  });

  it('a code that is not a kecamatan code at all: validation.region', async () => {
    for (const regionCode of ['1671', '16.71', '16.71.14.1001', '']) {
      const error = await t.fails('office.setup', setupInput({ regionCode }), 'VALIDATION');
      expect(issue(error, ['regionCode'])?.message, regionCode).toBe('validation.region');
    }
  });

  it('an empty name: validation.required on name, and the UI text says which field', async () => {
    const error = await t.fails('office.setup', setupInput({ name: '   ' }), 'VALIDATION');
    expect(error.details?.issues).toEqual([{ path: ['name'], message: 'validation.required' }]);
    expect(errorText(id, error)).toBe('Nama: Wajib diisi.');
    expect(errorText(en, error)).toBe('Name: Required.');
  });

  it('an invalid signer NIP: an issue at signer.nip with a nip.* key', async () => {
    const cases: [string, string][] = [
      ['1970', 'nip.wrong_length'],
      ['1.97001E+17', 'nip.excel_scientific'],
      ['19701301 199003 1 002', 'nip.birth_date_invalid'],
      ['19700101 199003 3 002', 'nip.gender_invalid'],
      ['', 'nip.empty'],
      ['19700101-1990O3-1-002', 'nip.not_digits'],
    ];
    for (const [nip, key] of cases) {
      const error = await t.fails('office.setup', setupInput({ signer: { name: 'Camat', nip, title: 'Camat' } }), 'VALIDATION');
      expect(issue(error, ['signer', 'nip'])?.message, nip).toBe(key);
      expect(errorText(id, error), nip).toMatch(/^NIP penandatangan: /);
      expect(errorText(en, error), nip).toMatch(/^Signer NIP: /);
    }
    const error = await t.fails('office.setup', setupInput({ signer: { name: 'Camat', nip: '1970', title: 'Camat' } }), 'VALIDATION');
    expect(errorText(id, error)).toBe('NIP penandatangan: NIP harus 18 angka.');
    expect(errorText(en, error)).toBe('Signer NIP: A NIP has 18 digits.');
  });

  it('a time zone outside Indonesia, a short admin password, a bad username: each named', async () => {
    const tz = await t.fails('office.setup', setupInput({ timezone: 'Asia/Singapore' }), 'VALIDATION');
    expect(tz.details?.issues).toEqual([{ path: ['timezone'], message: 'validation.timezone' }]);
    const pw = await t.fails('office.setup', setupInput({ admin: { ...ADMIN, password: 'pendek' } }), 'VALIDATION');
    expect(issue(pw, ['admin', 'password'])?.message).toBe('validation.password_too_short');
    expect(errorText(id, pw)).toBe('Kata sandi minimal 8 karakter.');
    const un = await t.fails('office.setup', setupInput({ admin: { ...ADMIN, username: 'a b' } }), 'VALIDATION');
    expect(issue(un, ['admin', 'username'])?.message).toBe('validation.username');
  });

  it('from the app, setup without a first admin is refused (admin_required)', async () => {
    const error = await t.fails('office.setup', setupInput({ admin: undefined }), 'VALIDATION');
    expect(error.details?.issues).toEqual([{ path: ['admin'], message: 'validation.admin_required' }]);
    expect(errorText(id, error)).toBe('Admin: Buat akun admin pertama.');
  });

  it('all refusals left the office unset and wrote nothing', async () => {
    expect(await t.ok('system.status', {})).toMatchObject({ setupDone: false, officeName: null });
    const db = peek(t.dataDir);
    expect(count(db, 'SELECT count(*) AS n FROM change_journal')).toBe(0);
    expect(count(db, 'SELECT count(*) AS n FROM units')).toBe(0);
    expect(count(db, 'SELECT count(*) AS n FROM users')).toBe(0);
    db.close();
  });

  it('methods that need the office say SETUP_REQUIRED before setup', async () => {
    const cli = { door: 'cli' as const, actor: { userId: null, username: 'cli:test', role: 'admin' as const } };
    const { result } = await t.backend.call('office.get', {}, cli);
    expect(result).toMatchObject({ ok: false, error: { code: 'SETUP_REQUIRED' } });
  });
});

describe('a second setup', () => {
  it('is refused with ALREADY_SET_UP and changes nothing', async () => {
    const t = openTestBackend();
    try {
      await setUpOffice(t);
      const db = peek(t.dataDir);
      const journal = count(db, 'SELECT count(*) AS n FROM change_journal');
      await t.fails('office.setup', setupInput({ regionCode: '16.71.13', name: 'Kantor Kecamatan Kertapati', admin: { ...ADMIN, username: 'admin2' } }), 'ALREADY_SET_UP');
      expect(count(db, 'SELECT count(*) AS n FROM office')).toBe(1);
      expect(count(db, 'SELECT count(*) AS n FROM change_journal')).toBe(journal);
      db.close();
    } finally {
      t.close();
    }
  });

  it('two setups sent at the same time leave one office: the second is ALREADY_SET_UP', async () => {
    const t = openTestBackend();
    try {
      const results = await Promise.all([
        t.call('office.setup', setupInput()),
        t.call('office.setup', setupInput({ regionCode: '16.71.13', name: 'Kantor Kecamatan Kertapati', admin: { ...ADMIN, username: 'admin2' } })),
      ]);
      expect(results.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['ALREADY_SET_UP', 'ok']);
      const db = peek(t.dataDir);
      expect(count(db, 'SELECT count(*) AS n FROM office')).toBe(1);
      expect(count(db, 'SELECT count(*) AS n FROM users')).toBe(1);
      // Only the winner's rows: its office, its units, its admin, each journalled once.
      const rows = count(db, 'SELECT (SELECT count(*) FROM office) + (SELECT count(*) FROM units) + (SELECT count(*) FROM users) AS n');
      expect(count(db, 'SELECT count(*) AS n FROM change_journal')).toBe(rows);
      expect(count(db, 'SELECT count(DISTINCT origin) AS n FROM change_journal')).toBe(1);
      db.close();
    } finally {
      t.close();
    }
  });
});

describe('the set-up office', () => {
  let t: TestBackend;
  let token: string;
  beforeAll(async () => {
    t = openTestBackend();
    token = await setUpOffice(t);
  });
  afterAll(() => t.close());

  it('holds the region names, the normalised signer NIP and the time zone', async () => {
    expect(await t.ok('office.get', {}, token)).toMatchObject({
      code: '16.71.14', regionCode: '16.71.14', provinceName: 'Sumatera Selatan', regencyName: 'Kota Palembang', districtName: 'Plaju',
      name: 'Kantor Kecamatan Plaju', timezone: 'Asia/Jakarta', signer: { nip: SIGNER_NIP_DIGITS }, hasLogo: false, origin: '16.71.14',
    });
    expect(await t.ok('system.status', {})).toMatchObject({ setupDone: true, officeName: 'Kantor Kecamatan Plaju' });
  });

  describe('logo', () => {
    const setLogo = (mimeType: string, data: Buffer) => t.call('office.setLogo', { mimeType, dataBase64: b64(data) }, token);
    async function refused(mimeType: string, data: Buffer, key: string): Promise<ApiErrorData> {
      const result = await setLogo(mimeType, data);
      expect(result.ok).toBe(false);
      if (result.ok) throw new Error('accepted');
      expect(result.error.code).toBe('VALIDATION');
      expect(result.error.details?.issues?.[0]).toMatchObject({ path: ['logo'], message: key });
      expect((await t.ok('office.get', {}, token)).hasLogo).toBe(false);
      return result.error;
    }

    it('a PNG with a valid signature but garbage after it is refused', async () => {
      const error = await refused('image/png', corruptPng(), 'validation.logo_invalid');
      expect(errorText(id, error)).toBe('Logo: Berkas logo rusak atau bukan gambar PNG/JPEG yang sah.');
      expect(errorText(en, error)).toBe('Logo: The logo file is damaged or not a valid PNG/JPEG image.');
    });

    it('a truncated JPEG is refused', async () => {
      const jpeg = makeJpeg();
      await refused('image/jpeg', jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), 'validation.logo_invalid');
      await refused('image/jpeg', jpeg.subarray(0, jpeg.length - 2), 'validation.logo_invalid');
    });

    it('a truncated PNG is refused', async () => {
      const png = makePng();
      await refused('image/png', png.subarray(0, png.length - 20), 'validation.logo_invalid');
    });

    it('something that is not an image is refused, whatever type it claims', async () => {
      const text = Buffer.from('Ini bukan gambar, hanya teks biasa yang cukup panjang untuk sebuah header PNG.');
      await refused('image/png', text, 'validation.logo_invalid');
      await refused('image/jpeg', text, 'validation.logo_invalid');
      await refused('image/jpeg', makePng(), 'validation.logo_invalid');
      await refused('image/png', Buffer.alloc(0), 'validation.logo_invalid');
    });

    it('an image wider than 4000 pixels is refused', async () => {
      await refused('image/png', makePng(4001, 1), 'validation.logo_invalid');
    });

    it(`a valid PNG of ${LOGO_MAX_BYTES} bytes is taken, one byte more is refused as too large (field logo)`, async () => {
      const error = await refused('image/png', pngOfSize(LOGO_MAX_BYTES + 1), 'validation.logo_too_large');
      expect(error.details?.issues?.[0]?.params).toEqual({ maxKb: 512 });
      expect(errorText(id, error)).toBe('Logo: Logo terlalu besar (maksimal 512 KB).');
      const atLimit = pngOfSize(LOGO_MAX_BYTES);
      expect((await setLogo('image/png', atLimit)).ok).toBe(true);
      expect((await t.ok('office.logo', {}, token))!.dataBase64).toBe(b64(atLimit));
      await t.ok('office.removeLogo', {}, token);
    });

    it('a much larger file is refused by the contract already, as too large', async () => {
      const result = await setLogo('image/png', pngOfSize(LOGO_MAX_BYTES + 64 * 1024));
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('VALIDATION');
        expect(result.error.details?.issues?.[0]?.message).toBe('validation.logo_too_large');
      }
    });

    it('a much larger file is reported on the logo field with maxKb', async () => {
      const result = await setLogo('image/png', pngOfSize(LOGO_MAX_BYTES + 64 * 1024));
      if (result.ok) throw new Error('accepted');
      expect(result.error.details?.issues?.[0]).toMatchObject({ path: ['logo'], params: { maxKb: 512 } });
    });

    it('a type other than PNG or JPEG is refused by the contract', async () => {
      const result = await setLogo('image/gif', makePng());
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: ['mimeType'], message: 'validation.logo_type' }] } } });
    });

    it('a valid PNG is taken and office.logo gives it back; a JPEG replaces it; removeLogo clears it', async () => {
      const png = makePng(32, 24);
      const set = await setLogo('image/png', png);
      expect(set).toMatchObject({ ok: true, value: { hasLogo: true } });
      expect(await t.ok('office.logo', {}, token)).toEqual({ mimeType: 'image/png', dataBase64: b64(png) });
      const jpeg = makeJpeg(20, 20);
      expect((await setLogo('image/jpeg', jpeg)).ok).toBe(true);
      expect(await t.ok('office.logo', {}, token)).toEqual({ mimeType: 'image/jpeg', dataBase64: b64(jpeg) });
      expect((await t.ok('office.removeLogo', {}, token)).hasLogo).toBe(false);
      expect(await t.ok('office.logo', {}, token)).toBeNull();
    });

    it('the audit log says the logo changed but holds no image bytes', async () => {
      const png = makePng();
      await setLogo('image/png', png);
      const db = peek(t.dataDir);
      const details = db.prepare("SELECT details FROM audit_log WHERE action = 'office.update' ORDER BY seq").pluck().all() as string[];
      expect(details.length).toBeGreaterThan(0);
      for (const d of details) expect(d).not.toContain(b64(png).slice(0, 40));
      db.close();
    });
  });
});

describe('errorText', () => {
  it('translates non-field errors from their code, with their details', () => {
    expect(errorText(id, { code: 'LOGIN_DELAYED', message: 'x', details: { retryAfterSeconds: 4 } }))
      .toBe('Terlalu banyak percobaan gagal. Coba lagi dalam 4 detik.');
    expect(errorText(en, { code: 'ALREADY_SET_UP', message: 'x' })).toBe('The office is already set up; change it in Settings.');
  });

  it('joins several field problems into one line', () => {
    const text = errorText(id, { code: 'VALIDATION', message: 'x', details: { issues: [
      { path: ['name'], message: 'validation.required' },
      { path: ['signer', 'nip'], message: 'nip.wrong_length' },
    ] } });
    expect(text).toBe('Nama: Wajib diisi. NIP penandatangan: NIP harus 18 angka.');
  });

  it('a problem with a whole group (signer missing) shows no i18next object warning', () => {
    const text = errorText(id, { code: 'VALIDATION', message: 'x', details: { issues: [{ path: ['signer'], message: 'validation.invalid_type' }] } });
    expect(text).not.toMatch(/returned an object/);
  });
});
