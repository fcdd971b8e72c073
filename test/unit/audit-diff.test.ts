import { describe, expect, it } from 'vitest';
import { diffFields } from '../../electron/backend/db/repos/changes.ts';

describe('diffFields (what the audit log records for a change)', () => {
  it('lists only changed fields as [old, new]', () => {
    expect(diffFields({ name: 'A', code: null, kind: 'kantor' }, { name: 'B', code: 'X', kind: 'kantor' }))
      .toEqual({ name: ['A', 'B'], code: [null, 'X'] });
  });

  it('an insert has null as every old value, a delete null as every new one', () => {
    expect(diffFields(null, { name: 'A' })).toEqual({ name: [null, 'A'] });
    expect(diffFields({ name: 'A' }, null)).toEqual({ name: ['A', null] });
  });

  it('never copies a password hash or logo bytes, only says they changed', () => {
    const diff = diffFields({ passwordHash: 'scrypt$1$2$3$salt$key' }, { passwordHash: 'scrypt$1$2$3$salt2$key2' });
    expect(diff).toEqual({ passwordHash: ['•••', '•••'] });
    expect(JSON.stringify(diffFields(null, { passwordHash: 'scrypt$secret', logo: 'AAAA' }))).not.toMatch(/scrypt|AAAA/);
  });

  it('leaves out bookkeeping fields that change with every write', () => {
    expect(diffFields(
      { id: '1', createdAt: 'a', updatedAt: 'a', updatedBy: 'u1', origin: 'o', name: 'A' },
      { id: '1', createdAt: 'a', updatedAt: 'b', updatedBy: 'u2', origin: 'o', name: 'A' },
    )).toEqual({});
  });

  it('compares nested values by content', () => {
    expect(diffFields({ signer: { name: 'A', nip: '1' } }, { signer: { name: 'A', nip: '1' } })).toEqual({});
    expect(diffFields({ signer: { name: 'A' } }, { signer: { name: 'B' } })).toEqual({ signer: [{ name: 'A' }, { name: 'B' }] });
  });

  it('treats a missing field and null alike', () => {
    expect(diffFields({ code: null }, {})).toEqual({});
  });
});
