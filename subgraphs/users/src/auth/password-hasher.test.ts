import { PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('hashes with Argon2id at 19 MiB, 2 iterations, parallelism 1, salted', async () => {
    const first = await hasher.hash('correct horse battery');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hasher.hash('correct horse battery')).not.toBe(first);
    expect(await hasher.verify(first, 'correct horse battery')).toBe(true);
    expect(await hasher.verify(first, 'correct horse batterY')).toBe(false);
  });

  it('answers false for malformed hashes and for unknown accounts', async () => {
    expect(await hasher.verify('not-a-usable-hash', 'x')).toBe(false);
    expect(await hasher.verifyOrBurn(undefined, 'anything at all')).toBe(false);
  });
});
