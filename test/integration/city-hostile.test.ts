// Files made to hurt the city, dropped on the import like any batch (the receiver hands uploads
// to the same import). A manifest naming its office with a path ("16.71.14/../../x") must not put
// a file outside the inbox, signed or not; a zip that unpacks to gigabytes, or whose directory
// lies about what it unpacks to, is refused before it costs the city its memory or its minutes.
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { BATCH_READ_LIMITS, unverifiedManifest } from '../../electron/backend/batches/read.ts';
import { removeTempDirs } from '../helpers/backend.ts';
import { cityOffice, resigned, trust } from '../helpers/city.ts';
import { trainingOffice } from '../helpers/trainings.ts';
import { makeZip, zeroBomb, type ZipPart } from '../helpers/zip.ts';

afterEach(() => removeTempDirs());

const input = (bytes: Uint8Array) => ({ fileName: 'kiriman.bkbatch', dataBase64: Buffer.from(bytes).toString('base64') });

/** Every file under a folder, relative to it. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name))).sort();
}

/** A real batch's parts, some replaced (a part given as null is left out). */
function parts(bytes: Uint8Array, replace: Record<string, Partial<ZipPart> | null> = {}): ZipPart[] {
  const files = unzipSync(bytes);
  const out: ZipPart[] = Object.entries(files).flatMap(([name, data]) => {
    const change = replace[name];
    if (change === null) return [];
    return [{ name, data: Buffer.from(data), ...change }];
  });
  for (const [name, part] of Object.entries(replace)) if (part && !(name in files)) out.push({ name, data: '', ...part });
  return out;
}

describe('a manifest naming its office with a path', () => {
  it('is malformed, signed by its own key or by a trusted one: nothing written outside the inbox (or in it), no key waiting', async () => {
    const o = await trainingOffice({ people: 2 });
    const city = await cityOffice();
    try {
      const bytes = new Uint8Array(fs.readFileSync((await o.t.ok('batch.export', {}, o.token)).file));
      const before = filesUnder(city.t.dataDir);
      const office = (change: Record<string, unknown>) => resigned(o.t, bytes, (m) => { m.office = { ...(m.office as object), ...change }; });
      const escaping = office({ code: '16.71.14/../../x' });
      const hostile = [escaping, office({ code: '16.71.14\\..\\..\\x' }), office({ code: '16.71.1' }), office({ code: '16.71.14 ' }),
        office({ id: '../../x' }), office({ id: 42 }), office({ name: 'Kantor\nKecamatan Plaju' }), office({ name: '\u0000' }),
        office({ name: 'K'.repeat(201) }), office({ name: '   ' })];

      // The city does not trust Plaju yet: a whole batch signed by its own key would wait in the inbox for a person.
      for (const file of hostile) {
        expect(await city.t.ok('batch.import', input(file), city.token)).toMatchObject({ status: 'malformed', message: 'batches.read.manifest_invalid' });
        expect(unverifiedManifest(file)).toBeNull();
      }
      expect(filesUnder(city.t.dataDir)).toEqual(before);
      expect(fs.existsSync(path.join(city.t.dataDir, 'inbox'))).toBe(false);
      expect(city.t.backend.db.prepare('SELECT count(*) FROM city_key_requests').pluck().get()).toBe(0);

      await trust(city, o);
      const trustedBefore = filesUnder(city.t.dataDir);
      for (const file of hostile) expect(await city.t.ok('batch.import', input(file), city.token)).toMatchObject({ status: 'malformed' });
      expect(filesUnder(city.t.dataDir)).toEqual(trustedBefore);
      expect(city.t.backend.db.prepare('SELECT count(*) FROM city_batches').pluck().get()).toBe(0);

      // The real batch still goes in, named in the inbox by its code, number and hash.
      expect(await city.t.ok('batch.import', input(bytes), city.token)).toMatchObject({ status: 'imported', office: { code: '16.71.14' } });
      expect(fs.readdirSync(path.join(city.t.dataDir, 'inbox'))).toEqual([expect.stringMatching(/^16\.71\.14-00001-[0-9a-f]{16}\.bkbatch$/)]);
    } finally {
      o.close();
      city.t.close();
    }
  });
});

describe('a zip that unpacks to too much', () => {
  it('refuses by the sizes the zip declares, before unpacking: a manifest claiming 5 GB, a real 320 MiB entity file, 576 MiB in all', async () => {
    const o = await trainingOffice({ people: 2 });
    const city = await cityOffice();
    try {
      await trust(city, o);
      const bytes = new Uint8Array(fs.readFileSync((await o.t.ok('batch.export', {}, o.token)).file));
      const refused = async (zip: Uint8Array, expected: Record<string, unknown>) => {
        const result = await city.t.ok('batch.import', input(zip), city.token);
        expect(result).toMatchObject({ status: 'malformed', created: 0, entities: {}, ...expected });
        expect(unverifiedManifest(zip)).toBeNull();
      };

      // A directory entry that says 5 GB (zip64, as writers do over 4 GB); the bytes are a real manifest.
      const claimed = await makeZip(parts(bytes, { 'manifest.json': { declaredSize: 5 * 1024 ** 3, zip64: true } }));
      await refused(claimed, { message: 'batches.read.too_large', params: { file: 'manifest.json', limit: 1 } });

      // What it says is true: employees.ndjson really unpacks to 320 MiB (of zeros), from a file of a third of a MB.
      const big = zeroBomb(320);
      expect(big.size).toBeGreaterThan(BATCH_READ_LIMITS.entityFile);
      const honest = await makeZip(parts(bytes, { 'employees.ndjson': { data: big } }));
      expect(honest.length).toBeLessThan(1024 * 1024);
      await refused(honest, { message: 'batches.read.too_large', params: { file: 'employees.ndjson', limit: 256 } });

      // Three files each under the bound, together over it.
      const each = zeroBomb(192);
      const three = await makeZip(parts(bytes, { 'employees.ndjson': { data: each }, 'units.ndjson': { data: each }, 'events.ndjson': { data: each } }));
      await refused(three, { message: 'batches.read.too_large_total', params: { limit: 512 } });

      expect(city.t.backend.db.prepare('SELECT count(*) FROM city_batches').pluck().get()).toBe(0);
      expect(fs.existsSync(path.join(city.t.dataDir, 'inbox'))).toBe(false);
    } finally {
      o.close();
      city.t.close();
    }
  });

  it('a directory that lies (claims a small size, unpacks to 2 GiB) costs no more than the size it claims: damaged, at once', async () => {
    const o = await trainingOffice({ people: 2 });
    const city = await cityOffice();
    try {
      await trust(city, o);
      const bytes = new Uint8Array(fs.readFileSync((await o.t.ok('batch.export', {}, o.token)).file));
      const files = unzipSync(bytes);
      const bomb = zeroBomb(2048);
      const timed = async (zip: Uint8Array) => {
        const start = performance.now();
        const result = await city.t.ok('batch.import', input(zip), city.token);
        return { result, ms: performance.now() - start };
      };

      // The manifest, unpacked before the signature is checked: anyone can send this.
      const manifest = await timed(await makeZip(parts(bytes, { 'manifest.json': { data: bomb, declaredSize: files['manifest.json']!.length } })));
      expect(manifest.result).toMatchObject({ status: 'tampered', message: 'batches.read.file_damaged', params: { file: 'manifest.json' } });
      // Unpacked to the end, 2 GiB take seconds; stopped at the claimed size, milliseconds.
      expect(manifest.ms).toBeLessThan(1500);

      // An entity file behind a good signature, claiming its real size.
      const employees = await timed(await makeZip(parts(bytes, { 'employees.ndjson': { data: bomb, declaredSize: files['employees.ndjson']!.length } })));
      expect(employees.result).toMatchObject({ status: 'tampered', message: 'batches.read.file_damaged', params: { file: 'employees.ndjson' } });
      expect(employees.ms).toBeLessThan(1500);

      // Two entries of one name: which was signed cannot be told.
      const twice = await makeZip([...parts(bytes), { name: 'employees.ndjson', data: Buffer.from(files['employees.ndjson']!) }]);
      expect((await timed(twice)).result).toMatchObject({ status: 'tampered', message: 'batches.read.unexpected_file', params: { file: 'employees.ndjson' } });

      // The zips the writer makes still read, stored or deflated.
      expect((await timed(await makeZip(parts(bytes)))).result).toMatchObject({ status: 'imported', seq: 1 });
      expect(city.t.backend.db.prepare("SELECT count(*) FROM city_batches WHERE status = 'imported'").pluck().get()).toBe(1);
    } finally {
      o.close();
      city.t.close();
    }
  });
});
