import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../electron/backend/services/passwords.ts';

describe('password hashing', () => {
  it('hashes with scrypt and a random salt; verify accepts the password and nothing else', async () => {
    const [a, b] = await Promise.all([hashPassword('rahasia-kantor'), hashPassword('rahasia-kantor')]);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('rahasia-kantor', a)).toBe(true);
    expect(await verifyPassword('rahasia-kantor', b)).toBe(true);
    expect(await verifyPassword('Rahasia-kantor', a)).toBe(false);
    expect(await verifyPassword('rahasia-kantor ', a)).toBe(false);
  });

  it('the same password typed in another Unicode form still matches (NFKC)', async () => {
    const hash = await hashPassword('ﬁle-kantor'); // with the "ﬁ" ligature
    expect(await verifyPassword('file-kantor', hash)).toBe(true);
  });

  it('the dummy hash and malformed stored values match no password', async () => {
    expect(await verifyPassword('', DUMMY_HASH)).toBe(false);
    expect(await verifyPassword('apa saja', DUMMY_HASH)).toBe(false);
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$1$2$3$salt$key')).toBe(false);
  });
});
