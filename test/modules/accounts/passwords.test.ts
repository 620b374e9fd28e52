import { hashPassword, verifyPassword } from '../../../src/modules/accounts/passwords';

describe('password hashing', () => {
  test('when a password is hashed, then it verifies, a wrong one does not, and two hashes differ by salt', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$\d+\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hash).not.toContain('correct horse battery');
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await hashPassword('correct horse battery')).not.toBe(hash);
  });

  test('when the stored hash is malformed or another scheme, then nothing verifies', async () => {
    expect(await verifyPassword('x', 'plaintext')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$2b$10$abc')).toBe(false);
  });

  test('when a hash was made at another cost, then it still verifies (the cost is stored in the hash)', async () => {
    const previous = process.env.FACTLINE_SCRYPT_LOG2N;
    process.env.FACTLINE_SCRYPT_LOG2N = '11';
    const hash = await hashPassword('correct horse battery');
    process.env.FACTLINE_SCRYPT_LOG2N = previous;
    expect(hash.split('$')[1]).toBe('11');
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
  });
});
