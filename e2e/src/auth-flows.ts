import { mailSink, uniqueName, waitFor } from '@shop/testing';
import type { Stack } from './stack';

type SinkMail = Awaited<ReturnType<typeof mailSink.list>>[number];

export const AUTH_PAYLOAD =
  'accessToken refreshToken expiresIn user { id email name roles emailVerified status }';

export interface AuthPayload {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: {
    id: string;
    email: string;
    name: string;
    roles: string[];
    emailVerified: boolean;
    status: string;
  };
}

/** The password the auth helpers register with; passes the password policy. */
export const TEST_PASSWORD = 'correct horse battery staple';

/** A fresh address on the test domain. */
export function newEmail(): string {
  return `${uniqueName('user')}@example.test`;
}

/** Registers through the gateway and returns the payload; fails the test on any error. */
export async function registerUser(
  stack: Stack,
  input: {
    email?: string;
    password?: string;
    name?: string;
    phone?: string;
    locale?: 'KO' | 'EN';
  } = {},
): Promise<AuthPayload> {
  const result = await stack.query<{ register: AuthPayload }>(
    `mutation ($input: RegisterInput!) { register(input: $input) { ${AUTH_PAYLOAD} } }`,
    { input: { email: newEmail(), password: TEST_PASSWORD, name: 'Test User', ...input } },
  );
  if (!result.data?.register) throw new Error(`register failed: ${JSON.stringify(result.errors)}`);
  return result.data.register;
}

/** Waits for the mail sink to hold a mail to `to` whose subject matches. */
export async function waitForMail(
  to: string,
  subject: RegExp,
  timeoutMs = 20_000,
): Promise<SinkMail> {
  return waitFor(
    `a mail to ${to} matching ${subject}`,
    async () =>
      (await mailSink.list()).find((mail) => mail.to.includes(to) && subject.test(mail.subject)),
    { timeoutMs },
  );
}

/** The token of the storefront link in a mail, e.g. `/verify-email?token=…`. */
export function tokenFromMail(mail: SinkMail, page: 'verify-email' | 'reset-password'): string {
  const match = new RegExp(`/${page}\\?token=([\\w-]+)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`no ${page} link in mail: ${mail.text}`);
  return match[1];
}
