import { weakPasswordReason } from './password-policy';

describe('weakPasswordReason', () => {
  const email = 'minji.kim@example.com';

  it('accepts a long, uncommon password without the email name', () => {
    expect(weakPasswordReason('correct horse battery', email)).toBeNull();
    expect(weakPasswordReason('Demo-pass-1234!', 'customer@demo.shop')).toBeNull();
  });

  it.each([
    ['short1!', 'TOO_SHORT'],
    ['x'.repeat(129), 'TOO_LONG'],
    ['1234567890', 'COMMON'],
    ['Password123!', 'COMMON'],
    ['!!qwertyuiop', 'COMMON'],
    ['aaaaaaaaaaaa', 'COMMON'],
    ['my-MINJI.KIM-pass', 'CONTAINS_EMAIL'],
  ])('refuses %s as %s', (password, reason) => {
    expect(weakPasswordReason(password, email)).toBe(reason);
  });

  it('counts characters, not bytes', () => {
    expect(weakPasswordReason('비밀번호는길어야해요', email)).toBeNull();
  });
});
