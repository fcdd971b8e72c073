// Rules that live once, in the backend or the contract, whichever door uses them: the merge of a
// mapping file into the import's mapping (roster.preview/apply's mappingOverrides, which the CLI's
// --mapping only reads and passes), and the one e-mail rule that forms and roster files share.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isEmailAddress } from '../../shared/contract/common.ts';
import { removeTempDirs } from '../helpers/backend.ts';
import { STAFF, csvText, fileInput, freshOffice, manyPeople, type Office } from '../helpers/roster.ts';

let o: Office;
beforeEach(async () => { o = await freshOffice(); });
afterEach(() => o.close());
afterAll(() => removeTempDirs());

const header = ['No', 'Nomor Pegawai', 'Nama', 'Pangkat/Gol', 'NIP Lama'];
const rows = STAFF.slice(0, 2).map((s, i) => [String(i + 1), s.nip, s.cell, s.golonganCell, '010203040']);
const file = (extra: Record<string, unknown> = {}) => fileInput(o.dir, 'pegawai.csv', csvText([header, ...rows]), extra);

describe('mappingOverrides: a mapping file merged by the backend', () => {
  it('corrects the columns it names, by header text (any case and spacing) or number; the others keep their field', async () => {
    const automatic = await o.t.ok('roster.preview', file(), o.token);
    expect(automatic.mapping['1']).toBeNull();
    const p = await o.t.ok('roster.preview', file({ mappingOverrides: { '  nomor   PEGAWAI ': 'nip', 3: null } }), o.token);
    expect(p.mapping).toEqual({ ...automatic.mapping, 1: 'nip', 3: null });
    expect(p).toMatchObject({ created: 2, errors: [] });
  });

  it('a field given to a column is taken from the column that had it; on top of an explicit mapping too', async () => {
    const p = await o.t.ok('roster.preview', file({ mappingOverrides: { 'NIP Lama': 'name' } }), o.token);
    expect(p.mapping['2']).toBeNull();
    expect(p.mapping['4']).toBe('name');
    const explicit = { 0: null, 1: 'nip', 2: 'name', 3: 'golongan', 4: null };
    const q = await o.t.ok('roster.preview', file({ mapping: explicit, mappingOverrides: { 3: 'jabatan' } }), o.token);
    expect(q.mapping).toEqual({ ...explicit, 3: 'jabatan' });
  });

  it('refuses a column the file does not have, or a field that does not exist, and writes nothing', async () => {
    const column = await o.t.fails('roster.apply', file({ mappingOverrides: { NIP: 'nip' } }), 'VALIDATION', o.token);
    expect(column.details?.issues).toEqual([{ path: ['mappingOverrides', 'NIP'], message: 'import.mapping_column_unknown', params: { column: 'NIP' } }]);
    const outOfRange = await o.t.fails('roster.apply', file({ mappingOverrides: { 5: 'nip' } }), 'VALIDATION', o.token);
    expect(outOfRange.details?.issues?.[0]).toMatchObject({ message: 'import.mapping_column_unknown', params: { column: '5' } });
    const field = await o.t.fails('roster.apply', file({ mappingOverrides: { 'Nomor Pegawai': 'nomor_induk' } }), 'VALIDATION', o.token);
    expect(field.details?.issues?.[0]).toMatchObject({ path: ['mappingOverrides', 'Nomor Pegawai'], message: 'import.mapping_field_unknown', params: { field: 'nomor_induk' } });
    expect((await o.t.ok('employees.list', {}, o.token)).items).toEqual([]);
  });
});

describe('one e-mail rule', () => {
  const addresses = ['siti@plaju.go.id', 'siti.aminah+bangkom@mail.example.com', 'siti@plaju', 'siti@plaju.c', 'siti aminah@plaju.go.id', 'siti@@plaju.go.id', '@plaju.go.id'];

  it('a roster file and the employee form accept and refuse the same addresses', async () => {
    const people = manyPeople(addresses.length);
    for (const [i, email] of addresses.entries()) {
      const nip = people[i]!.nip;
      const p = await o.t.ok('roster.preview', fileInput(o.dir, 'email.csv', csvText([['NIP', 'Nama', 'Email'], [nip, 'Siti Aminah', email]])), o.token);
      const importRefuses = p.errors.some((e) => e.field === 'email' && e.code === 'validation.email');
      const form = await o.t.call('employees.create', { nip, name: 'Siti Aminah', email }, o.token);
      const formRefuses = !form.ok && form.error.details?.issues?.some((i) => i.path[0] === 'email' && i.message === 'validation.email') === true;
      expect([email, importRefuses], 'roster import').toEqual([email, !isEmailAddress(email)]);
      expect([email, formRefuses], 'employee form').toEqual([email, !isEmailAddress(email)]);
    }
    expect(addresses.filter(isEmailAddress)).toEqual(['siti@plaju.go.id', 'siti.aminah+bangkom@mail.example.com']);
  });
});
