import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/errors.ts';
import { contract, methodNames } from '../../shared/contract/index.ts';
import { parseInput } from '../../shared/contract/validate.ts';

function refusal(method: string, input: unknown): ApiError {
  try {
    parseInput(method, input);
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('accepted');
}

describe('parseInput', () => {
  it('returns the parsed (normalised) input', () => {
    expect(parseInput('auth.login', { username: '  Admin ', password: 'x' })).toEqual({ username: 'admin', password: 'x' });
    expect(parseInput('units.create', { name: ' Seksi Baru ' })).toEqual({ name: 'Seksi Baru', kind: 'kantor', code: null });
  });

  it('turns schema message keys into issues with path and params', () => {
    const err = refusal('office.update', { name: '', address: '', timezone: 'Asia/Jakarta', signer: { name: 'C', nip: '1970', title: 'C' } });
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toBe('validation.required');
    expect(err.details?.issues).toEqual([
      { path: ['name'], message: 'validation.required' },
      { path: ['signer', 'nip'], message: 'nip.wrong_length', params: { length: 4 } },
    ]);
  });

  it('keys zod\'s own issues by their code, with numeric limits as params', () => {
    const err = refusal('enrolment.add', { eventId: '019a0000-0000-7000-8000-000000000001', employeeIds: [] });
    expect(err.details?.issues).toEqual([{ path: ['employeeIds'], message: 'validation.too_small', params: { minimum: 1 } }]);
  });

  it('words limits on numbers as numbers, and says when a number or a whole number is expected', () => {
    const issue = (input: unknown) => refusal('rules.update', input).details?.issues?.[0];
    expect(issue({ graceMinutes: 300, jpTargetPerYear: 20 })).toEqual({ path: ['graceMinutes'], message: 'validation.number_too_big', params: { maximum: 240 } });
    expect(issue({ graceMinutes: 15, jpTargetPerYear: 0 })).toEqual({ path: ['jpTargetPerYear'], message: 'validation.number_too_small', params: { minimum: 1 } });
    expect(issue({ graceMinutes: 7.5, jpTargetPerYear: 20 })).toMatchObject({ path: ['graceMinutes'], message: 'validation.not_whole_number' });
    expect(issue({ graceMinutes: null, jpTargetPerYear: 20 })).toMatchObject({ path: ['graceMinutes'], message: 'validation.not_a_number' });
    expect(refusal('audit.list', { limit: 1000 }).details?.issues).toEqual([{ path: ['limit'], message: 'validation.number_too_big', params: { maximum: 500 } }]);
    // Beyond a safe integer, zod's own bound on whole numbers: still worded as a number.
    expect(issue({ graceMinutes: 1e20, jpTargetPerYear: 20 })).toMatchObject({ path: ['graceMinutes'], message: 'validation.number_too_big' });
  });

  it('refuses an unknown method with UNKNOWN_METHOD', () => {
    expect(refusal('nope', {}).code).toBe('UNKNOWN_METHOD');
    expect(refusal('toString', {}).code).toBe('UNKNOWN_METHOD');
  });

  it('treats a missing input as an empty object', () => {
    expect(parseInput('system.status', undefined)).toEqual({});
    expect(parseInput('system.status', null)).toEqual({});
  });
});

describe('the contract', () => {
  it('gives every method an access level, and names methods area.verb', () => {
    for (const name of methodNames) {
      expect(['public', 'user', 'admin']).toContain(contract[name].access);
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    }
  });

  it('keeps account and office administration for admins', () => {
    for (const name of ['users.list', 'users.create', 'users.setActive', 'users.resetPassword', 'office.update', 'office.setLogo', 'audit.list', 'maintenance.check'] as const) {
      expect(contract[name].access, name).toBe('admin');
    }
    for (const name of ['system.status', 'auth.login', 'office.setup', 'regions.provinces'] as const) {
      expect(contract[name].access, name).toBe('public');
    }
  });
});
