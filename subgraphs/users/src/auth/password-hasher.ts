import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';

/**
 * Argon2id at OWASP's recommended minimum: 19 MiB of memory, 2 iterations, parallelism 1.
 * `Algorithm` is a const enum, which isolated modules cannot read, hence the literal.
 */
export const ARGON2_OPTIONS: Options = {
  algorithm: 2 as Algorithm,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/**
 * Hashes and checks passwords. For unknown accounts {@link verifyOrBurn} still runs one full
 * verification against a decoy hash, so an unknown email takes as long as a wrong password.
 */
export class PasswordHasher {
  /** Computed up front, so the first unknown email is not slower than the ones after it. */
  private readonly decoy: Promise<string> = this.hash('decoy password for unknown accounts');

  /** An Argon2id PHC string with its own random salt. */
  hash(password: string): Promise<string> {
    return hash(password, ARGON2_OPTIONS);
  }

  /** True when `password` matches `passwordHash`; false for malformed hashes. */
  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /** Verifies against the account's hash, or against a decoy when there is no account. */
  async verifyOrBurn(passwordHash: string | undefined, password: string): Promise<boolean> {
    if (passwordHash === undefined) {
      await this.verify(await this.decoy, password);
      return false;
    }
    return this.verify(passwordHash, password);
  }
}
