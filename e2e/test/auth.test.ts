import { SignJWT, UnsecuredJWT } from 'jose';
import { Types } from 'mongoose';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@shop/auth';
import {
  AUTH_PAYLOAD,
  TEST_PASSWORD,
  createSignedInUser,
  errorCodes,
  graphql,
  newEmail,
  registerUser,
  startStack,
  tokenFromMail,
  waitForMail,
  type AuthPayload,
  type Stack,
} from '../src';

const LOGIN = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { ${AUTH_PAYLOAD} } }`;
const REFRESH = `mutation ($token: String!) { refreshSession(refreshToken: $token) { ${AUTH_PAYLOAD} } }`;
const VERIFY = 'mutation ($token: String!) { verifyEmail(token: $token) { id emailVerified } }';
const ME = '{ me { id email name emailVerified status } }';

describe('registration, sign-in and sessions through the gateway', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ LOGIN_IP_LIMIT: '1000' }, { workers: true });
  });
  afterAll(() => stack.stop());

  const login = (email: string, password: string) =>
    stack.query<{ login: AuthPayload }>(LOGIN, { email, password });
  const me = (token: string) =>
    stack.query<{ me: Record<string, unknown> | null }>(ME, {}, { token });

  it('registers, verifies by mail, signs in, refreshes and signs out', async () => {
    const email = newEmail();
    const registered = await registerUser(stack, { email: email.toUpperCase(), name: '김민지' });
    expect(registered).toMatchObject({
      expiresIn: 900,
      user: { email, name: '김민지', roles: ['CUSTOMER'], emailVerified: false, status: 'ACTIVE' },
    });

    const verification = await waitForMail(email, /이메일 주소를 인증/);
    expect(verification.text).toMatch(/ http:\/\/localhost:3000\/verify-email\?token=[\w-]{43}$/m);
    const token = tokenFromMail(verification, 'verify-email');
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(32);
    const verified = await stack.query(VERIFY, { token });
    expect(verified.data).toEqual({ verifyEmail: { id: registered.user.id, emailVerified: true } });
    expect(errorCodes(await stack.query(VERIFY, { token }))).toEqual(['INVALID_TOKEN']);
    await waitForMail(email, /가입을 환영합니다/);

    const signedIn = await login(email, TEST_PASSWORD);
    expect(signedIn.errors).toBeUndefined();
    const session = signedIn.data!.login;
    expect((await me(session.accessToken)).data?.me).toMatchObject({ email, emailVerified: true });

    const refreshed = await stack.query<{ refreshSession: AuthPayload }>(REFRESH, {
      token: session.refreshToken,
    });
    const next = refreshed.data!.refreshSession;
    expect(next.refreshToken).not.toBe(session.refreshToken);
    expect((await me(next.accessToken)).data?.me).toMatchObject({ id: registered.user.id });
    expect(errorCodes(await stack.query(REFRESH, { token: session.refreshToken }))).toEqual([
      'INVALID_TOKEN',
    ]);
    // Reusing a rotated token revoked the whole family: the newest pair is dead too.
    expect(errorCodes(await stack.query(REFRESH, { token: next.refreshToken }))).toEqual([
      'INVALID_TOKEN',
    ]);
    expect((await me(next.accessToken)).data).toEqual({ me: null });

    const again = (await login(email, TEST_PASSWORD)).data!.login;
    const logout = await stack.query('mutation { logout }', {}, { token: again.accessToken });
    expect(logout.data).toEqual({ logout: true });
    expect((await me(again.accessToken)).data).toEqual({ me: null });
    expect(errorCodes(await stack.query(REFRESH, { token: again.refreshToken }))).toEqual([
      'INVALID_TOKEN',
    ]);
  });

  it('refuses a duplicate email in another case, a weak password and a malformed email, creating nothing', async () => {
    const email = newEmail();
    await registerUser(stack, { email });
    const users = stack.subgraphs.users.subgraph.runtime.mongo.collection('users');
    const before = await users.countDocuments();
    const register = (input: Record<string, unknown>) =>
      stack.query('mutation ($input: RegisterInput!) { register(input: $input) { accessToken } }', {
        input: { email: newEmail(), password: TEST_PASSWORD, name: 'X', ...input },
      });

    expect(errorCodes(await register({ email: email.replace('user', 'USER') }))).toEqual([
      'EMAIL_TAKEN',
    ]);
    const weak = await register({ password: 'password123' });
    expect(weak.errors?.[0]?.extensions).toMatchObject({ code: 'WEAK_PASSWORD', reason: 'COMMON' });
    expect((await register({ password: 'short' })).errors?.[0]?.extensions?.['reason']).toBe(
      'TOO_SHORT',
    );
    const local = newEmail();
    const containsName = await register({ email: local, password: `${local.split('@')[0]}!!` });
    expect(containsName.errors?.[0]?.extensions?.['reason']).toBe('CONTAINS_EMAIL');
    const malformed = await register({ email: 'not-an-email' });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'email',
    });
    expect(errorCodes(await register({ name: '' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await register({ name: 'x'.repeat(51) }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await register({ phone: '010-1234-5678' }))).toEqual(['BAD_USER_INPUT']);
    expect(await users.countDocuments()).toBe(before);
  });

  it('gives an unknown email and a wrong password the same error, in about the same time', async () => {
    const { user } = await registerUser(stack);
    const timed = async (email: string) => {
      const started = process.hrtime.bigint();
      const result = await login(email, 'wrong password 123');
      return { ms: Number(process.hrtime.bigint() - started) / 1e6, error: result.errors?.[0] };
    };
    await timed(newEmail()); // warm-up
    const wrong = [];
    const unknown = [];
    // Four wrong passwords stay below the lock; the pairs interleave so noise hits both alike.
    for (let round = 0; round < 4; round += 1) {
      wrong.push(await timed(user.email));
      unknown.push(await timed(newEmail()), await timed(newEmail()));
    }
    expect(
      new Set([...wrong, ...unknown].map((attempt) => JSON.stringify(attempt.error))).size,
    ).toBe(1);
    expect(wrong[0]?.error).toEqual({
      message: 'The email or password is incorrect',
      path: ['login'],
      extensions: { code: 'INVALID_CREDENTIALS' },
    });
    const median = (values: number[]) =>
      values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const ratio = median(unknown.map((a) => a.ms)) / median(wrong.map((a) => a.ms));
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('locks the account after five failures, even for the right password, and records every attempt', async () => {
    const { user } = await registerUser(stack);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(errorCodes(await login(user.email, 'wrong password 123'))).toEqual([
        'INVALID_CREDENTIALS',
      ]);
    }
    const locked = await stack.query(
      LOGIN,
      { email: user.email, password: TEST_PASSWORD },
      {
        headers: { 'user-agent': 'auth-test/1.0' },
      },
    );
    expect(locked.errors?.[0]?.extensions).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      retryAfterSeconds: expect.any(Number),
    });
    expect(locked.errors?.[0]?.extensions?.['retryAfterSeconds']).toBeGreaterThan(50);
    const attempts = await stack.subgraphs.users.subgraph.runtime.mongo
      .collection('login_attempts')
      .find({ userId: new Types.ObjectId(user.id) })
      .sort({ at: 1 })
      .toArray();
    expect(attempts.map((attempt) => attempt['outcome'])).toEqual([
      ...Array(5).fill('INVALID_CREDENTIALS'),
      'ACCOUNT_LOCKED',
    ]);
    expect(attempts[5]).toMatchObject({ ip: '127.0.0.1', userAgent: 'auth-test/1.0' });

    // Once the lock has run out, the right password signs in and resets the count.
    await stack.subgraphs.users.subgraph.runtime.mongo
      .collection('users')
      .updateOne({ email: user.email }, { $set: { lockedUntil: new Date(Date.now() - 1_000) } });
    const unlocked = await login(user.email, TEST_PASSWORD);
    expect(unlocked.data?.login.user).toMatchObject({ id: user.id, status: 'ACTIVE' });
    expect(errorCodes(await login(user.email, 'wrong password 123'))).toEqual([
      'INVALID_CREDENTIALS',
    ]);
    expect(unlocked.errors).toBeUndefined();
    expect((await login(user.email, TEST_PASSWORD)).data?.login.user.id).toBe(user.id);
    expect((await me((await registerUser(stack)).accessToken)).data?.me).toBeTruthy();
  });

  it('treats a forged, an alg:none and a foreign-audience token as anonymous', async () => {
    const user = await createSignedInUser(stack, { roles: ['ADMIN'] });
    const claims = { roles: ['ADMIN'], sid: user.sessionId };
    const unsigned = new UnsecuredJWT(claims)
      .setSubject(user.id)
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setExpirationTime('10m')
      .encode();
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('a-guessed-secret-that-is-long-enough-000'));
    for (const token of [unsigned, forged, `${user.accessToken.slice(0, -4)}AAAA`]) {
      expect((await me(token)).data).toEqual({ me: null });
      expect(errorCodes(await stack.query('mutation { logout }', {}, { token }))).toEqual([
        'UNAUTHENTICATED',
      ]);
    }
    expect((await me(user.accessToken)).data?.me).toMatchObject({ id: user.id });
  });

  it('refuses a made-up identity header at the users subgraph itself', async () => {
    const identity = Buffer.from(
      JSON.stringify({ sub: new Types.ObjectId().toHexString(), roles: ['ADMIN'], sid: 'x' }),
    ).toString('base64url');
    const result = await graphql(
      stack.subgraphs.users.url,
      'mutation { setAccountStatus(userId: "000000000000000000000000", status: SUSPENDED) { id } }',
      {},
      { headers: { 'x-shop-identity': identity, 'x-shop-client': 'eyJpcCI6IjEuMi4zLjQifQ' } },
    );
    expect(result.status).toBe(401);
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  });
});
