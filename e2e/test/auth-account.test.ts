import { mailSink } from '@shop/testing';
import {
  AUTH_PAYLOAD,
  TEST_PASSWORD,
  createSignedInUser,
  errorCodes,
  newEmail,
  registerUser,
  startStack,
  tokenFromMail,
  waitForMail,
  type AuthPayload,
  type Stack,
} from '../src';

const LOGIN = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { ${AUTH_PAYLOAD} } }`;
const REQUEST_RESET = 'mutation ($email: String!) { requestPasswordReset(email: $email) }';
const RESET =
  'mutation ($token: String!, $password: String!) { resetPassword(token: $token, newPassword: $password) }';
const ME = '{ me { id roles status } }';

describe('password reset, verification resend and administration', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ LOGIN_IP_LIMIT: '1000' }, { workers: true });
  });
  afterAll(() => stack.stop());

  const login = (email: string, password = TEST_PASSWORD) =>
    stack.query<{ login: AuthPayload }>(LOGIN, { email, password });
  const me = (token: string) =>
    stack.query<{ me: Record<string, unknown> | null }>(ME, {}, { token });

  it('resets a password by mailed token, once, and ends every session', async () => {
    const { user, accessToken, refreshToken } = await registerUser(stack, { locale: 'EN' });
    const other = (await login(user.email)).data!.login;
    const unknown = await stack.query(REQUEST_RESET, { email: newEmail() });
    expect(unknown.data).toEqual({ requestPasswordReset: true });
    expect((await stack.query(REQUEST_RESET, { email: user.email.toUpperCase() })).data).toEqual({
      requestPasswordReset: true,
    });
    const mail = await waitForMail(user.email, /Reset your password/);
    const token = tokenFromMail(mail, 'reset-password');

    expect(errorCodes(await stack.query(RESET, { token, password: 'password1' }))).toEqual([
      'WEAK_PASSWORD',
    ]);
    expect(
      errorCodes(await stack.query(RESET, { token: 'made-up', password: 'a brand new secret' })),
    ).toEqual(['INVALID_TOKEN']);
    expect((await stack.query(RESET, { token, password: 'a brand new secret' })).data).toEqual({
      resetPassword: true,
    });
    expect(errorCodes(await stack.query(RESET, { token, password: 'another new secret' }))).toEqual(
      ['INVALID_TOKEN'],
    );
    for (const session of [accessToken, other.accessToken]) {
      expect((await me(session)).data).toEqual({ me: null });
    }
    expect(
      errorCodes(
        await stack.query(
          'mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken } }',
          {
            t: refreshToken,
          },
        ),
      ),
    ).toEqual(['INVALID_TOKEN']);
    expect(errorCodes(await login(user.email))).toEqual(['INVALID_CREDENTIALS']);
    expect((await login(user.email, 'a brand new secret')).data?.login.user.id).toBe(user.id);
    const mails = (await mailSink.list()).filter((m) => m.to.includes(user.email));
    expect(mails.filter((m) => /Reset your password/.test(m.subject))).toHaveLength(1);
  });

  it('resends the verification mail at most once a minute, and the old link stops working', async () => {
    const { user, accessToken } = await registerUser(stack);
    const first = tokenFromMail(
      await waitForMail(user.email, /이메일 주소를 인증/),
      'verify-email',
    );
    const resend = () =>
      stack.query('mutation { resendVerificationEmail }', {}, { token: accessToken });
    const limited = await resend();
    expect(limited.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: expect.any(Number),
    });
    await stack.subgraphs.users.subgraph.runtime.mongo
      .collection('users')
      .updateOne({ email: user.email }, { $set: { 'emailVerification.sentAt': new Date(0) } });
    expect((await resend()).data).toEqual({ resendVerificationEmail: true });
    const mails = await waitForMailCount(user.email, 2);
    const second = tokenFromMail(mails[0]!, 'verify-email');
    expect(second).not.toBe(first);
    const verify = (token: string) =>
      stack.query('mutation ($token: String!) { verifyEmail(token: $token) { emailVerified } }', {
        token,
      });
    expect(errorCodes(await verify(first))).toEqual(['INVALID_TOKEN']);
    expect((await verify(second)).data).toEqual({ verifyEmail: { emailVerified: true } });
    expect((await resend()).data).toEqual({ resendVerificationEmail: false });
    expect(errorCodes(await stack.query('mutation { resendVerificationEmail }'))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('lets an ADMIN set roles and status, which end the user’s sessions', async () => {
    const admin = await createSignedInUser(stack, { roles: ['ADMIN'] });
    const { user, accessToken } = await registerUser(stack);
    const setRoles = (token: string) =>
      stack.query(
        'mutation ($id: ID!) { setUserRoles(userId: $id, roles: [AGENT, CUSTOMER]) { id roles } }',
        { id: user.id },
        { token },
      );
    expect(errorCodes(await setRoles(accessToken))).toEqual(['FORBIDDEN']);
    expect((await setRoles(admin.accessToken)).data).toEqual({
      setUserRoles: { id: user.id, roles: ['AGENT', 'CUSTOMER'] },
    });
    expect((await me(accessToken)).data).toEqual({ me: null });
    const agent = (await login(user.email)).data!.login;
    expect((await me(agent.accessToken)).data?.me).toMatchObject({ roles: ['AGENT', 'CUSTOMER'] });

    const setStatus = (status: string) =>
      stack.query(
        'mutation ($id: ID!, $status: AccountStatus!) { setAccountStatus(userId: $id, status: $status) { status } }',
        { id: user.id, status },
        { token: admin.accessToken },
      );
    expect((await setStatus('SUSPENDED')).data).toEqual({
      setAccountStatus: { status: 'SUSPENDED' },
    });
    expect((await me(agent.accessToken)).data).toEqual({ me: null });
    expect(errorCodes(await login(user.email))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await login(user.email, 'wrong password 123'))).toEqual([
      'INVALID_CREDENTIALS',
    ]);
    expect((await setStatus('LOCKED')).data).toEqual({ setAccountStatus: { status: 'LOCKED' } });
    expect((await login(user.email)).errors?.[0]?.extensions).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      retryAfterSeconds: null,
    });
    expect((await setStatus('ACTIVE')).data).toEqual({ setAccountStatus: { status: 'ACTIVE' } });
    expect((await login(user.email)).data?.login.user.id).toBe(user.id);
    expect(
      errorCodes(
        await stack.query(
          'mutation { setAccountStatus(userId: "nope", status: ACTIVE) { id } }',
          {},
          { token: admin.accessToken },
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
  });
});

describe('the per-address login limit', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ LOGIN_IP_LIMIT: '3', LOGIN_IP_WINDOW_SECONDS: '120' });
  });
  afterAll(() => stack.stop());

  it('answers RATE_LIMITED with a retry-after once an address used up its attempts', async () => {
    const attempt = () => stack.query(LOGIN, { email: newEmail(), password: 'wrong password 123' });
    for (let index = 0; index < 3; index += 1) {
      expect(errorCodes(await attempt())).toEqual(['INVALID_CREDENTIALS']);
    }
    const limited = await attempt();
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited.errors?.[0]?.extensions?.['retryAfterSeconds']).toBeGreaterThan(100);
  });
});

async function waitForMailCount(to: string, count: number) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const mails = (await mailSink.list()).filter((mail) => mail.to.includes(to));
    if (mails.length >= count) return mails;
    if (Date.now() > deadline)
      throw new Error(`expected ${count} mails to ${to}, got ${mails.length}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
