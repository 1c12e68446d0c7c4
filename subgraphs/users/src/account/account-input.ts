import { z } from 'zod';
import { AppError, parseInput } from '@shop/errors';
import { E164_PATTERN, type Locale } from '@shop/jobs';
import { WEAK_PASSWORD_MESSAGES, weakPasswordReason } from '../auth/password-policy';

/** Emails are compared and stored lower-cased, so `Minji@X.com` and `minji@x.com` are one. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const registerInputSchema = z.object({
  email: z.string().transform(normalizeEmail).pipe(z.email('Enter a valid email address')),
  password: z.string(),
  name: z
    .string()
    .trim()
    .min(1, 'Enter your name')
    .max(50, 'Use at most 50 characters for your name'),
  phone: z
    .string()
    .trim()
    .regex(E164_PATTERN, 'Enter the phone number in E.164 form, e.g. +821012345678')
    .nullish()
    .transform((phone) => phone ?? undefined),
  locale: z
    .enum(['KO', 'EN'])
    .nullish()
    .transform((locale): Locale => (locale === 'EN' ? 'en' : 'ko')),
});

export type RegisterInput = z.input<typeof registerInputSchema>;
export type ValidRegistration = z.output<typeof registerInputSchema>;

/** Checks a registration and returns it normalised; BAD_USER_INPUT or WEAK_PASSWORD otherwise. */
export function parseRegistration(input: RegisterInput): ValidRegistration {
  const registration = parseInput(registerInputSchema, input);
  assertStrongPassword(registration.password, registration.email);
  return registration;
}

/** WEAK_PASSWORD, with the reason as `extensions.reason`, unless `password` passes the policy. */
export function assertStrongPassword(password: string, email: string): void {
  const reason = weakPasswordReason(password, email);
  if (reason) throw new AppError('WEAK_PASSWORD', WEAK_PASSWORD_MESSAGES[reason], { reason });
}
