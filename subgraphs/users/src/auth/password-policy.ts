/** The shortest password we accept (NIST SP 800-63B asks for at least 8; we ask for 10). */
export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 128;

/**
 * Passwords that lead every breach list, lower-cased. Compared after stripping digits and
 * symbols from the ends, so `Password123!` counts as `password`.
 */
const COMMON_PASSWORDS = new Set([
  '123456789',
  '1234567890',
  '12345678910',
  '0123456789',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'qwertyuiop',
  'qwerty',
  'qwerty123',
  'qwertyuiop123',
  'asdfghjkl',
  'zxcvbnm',
  'password',
  'passw0rd',
  'p@ssw0rd',
  'letmein',
  'welcome',
  'iloveyou',
  'admin',
  'administrator',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'dragon',
  'monkey',
  'master',
  'superman',
  'starwars',
  'whatever',
  'trustno',
  'abcdefghij',
  'abc',
  'changeme',
  'secret',
  'default',
  'computer',
  'internet',
  'samsung',
  'korea',
  'shop',
]);

/** Why a password was refused; the client shows it to the user. */
export type WeakPasswordReason = 'TOO_SHORT' | 'TOO_LONG' | 'COMMON' | 'CONTAINS_EMAIL';

export const WEAK_PASSWORD_MESSAGES: Record<WeakPasswordReason, string> = {
  TOO_SHORT: `Use at least ${MIN_PASSWORD_LENGTH} characters`,
  TOO_LONG: `Use at most ${MAX_PASSWORD_LENGTH} characters`,
  COMMON: 'This password is too common',
  CONTAINS_EMAIL: 'The password must not contain your email name',
};

/** Returns why `password` is too weak for the account `email`, or null when it is acceptable. */
export function weakPasswordReason(password: string, email: string): WeakPasswordReason | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'TOO_SHORT';
  if (length > MAX_PASSWORD_LENGTH) return 'TOO_LONG';
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(core) || /^(.)\1+$/.test(lower)) {
    return 'COMMON';
  }
  const localPart = email.split('@')[0]?.toLowerCase() ?? '';
  if (localPart.length >= 3 && lower.includes(localPart)) return 'CONTAINS_EMAIL';
  return null;
}
