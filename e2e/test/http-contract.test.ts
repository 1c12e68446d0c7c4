import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { auditServer } from 'graphql-http';
import { createGateway, loadGatewayConfig, type Gateway } from '@shop/gateway';
import { errorCodes, graphql, startStack, type Stack } from '../src';

interface RawAnswer {
  status: number;
  contentType: string;
  text: string;
}

async function post(url: string, body: string | Buffer, headers: Record<string, string>) {
  const response = await fetch(url, { method: 'POST', headers, body });
  const answer: RawAnswer = {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
  return answer;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const BAD_BODIES: Array<[string, string | Buffer, Record<string, string>, number]> = [
  ['malformed JSON', '{"query": "{ __typename }"', JSON_TYPE, 400],
  [
    'an unsupported charset',
    '{"query":"{ __typename }"}',
    { 'content-type': 'application/json; charset=koi8-r' },
    415,
  ],
  ['an oversize body', `{"query":"${' '.repeat(1_100_000)}{ __typename }"}`, JSON_TYPE, 413],
  ['a bad gzip body', 'not gzip at all', { ...JSON_TYPE, 'content-encoding': 'gzip' }, 400],
  [
    'gzip of malformed JSON',
    gzipSync('{"query": '),
    { ...JSON_TYPE, 'content-encoding': 'gzip' },
    400,
  ],
  ['an unknown encoding', '{}', { ...JSON_TYPE, 'content-encoding': 'compress' }, 415],
  ['a text/plain body', '{"query":"{ __typename }"}', { 'content-type': 'text/plain' }, 400],
];

describe('the HTTP contract of the gateway and the subgraphs', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ REGISTER_IP_LIMIT: '2', PASSWORD_RESET_IP_LIMIT: '2' });
  });
  afterAll(() => stack.stop());

  describe.each(['gateway', 'products subgraph', 'products internal API'])('the %s', (target) => {
    const url = () =>
      target === 'gateway'
        ? stack.gatewayUrl
        : target === 'products subgraph'
          ? stack.subgraphs.products.url
          : stack.subgraphs.products.url.replace('/graphql', '/internal/products/lookup');

    // The internal API is not GraphQL: a body that is not JSON is simply unsigned there.
    const cases = target === 'products internal API' ? BAD_BODIES.slice(0, -1) : BAD_BODIES;
    it.each(cases)(
      'answers %s with a JSON error and no stack or path',
      async (_case, body, headers, status) => {
        const answer = await post(url(), body, headers);
        expect(answer.status).toBe(status);
        expect(answer.contentType).toMatch(/^application\/(graphql-response\+)?json/);
        const parsed = JSON.parse(answer.text) as { errors: Array<{ extensions: object }> };
        expect(parsed.errors[0]?.extensions).toEqual({ code: 'BAD_REQUEST' });
        expect(answer.text).not.toMatch(/ at |node_modules|\/work\/|\.ts:|\.js:|<html|<pre/i);
      },
    );
  });

  it('answers an empty login with BAD_USER_INPUT', async () => {
    const login =
      'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';
    for (const [e, p] of [
      ['', ''],
      ['someone@example.test', ''],
      ['  ', 'a password'],
    ]) {
      expect(errorCodes(await stack.query(login, { e, p }))).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('limits sign-ups per client address, counting each aliased use', async () => {
    const register = (email: string) =>
      `r_${email.replace(/\W/g, '')}: register(input: { email: "${email}", password: "correct horse battery staple", name: "Limit" }) { user { id } }`;
    const first = await stack.query(`mutation { ${register('one@limit.test')} }`);
    expect(first.errors).toBeUndefined();
    const burst = await stack.query(
      `mutation { ${register('two@limit.test')} ${register('three@limit.test')} }`,
    );
    expect(burst.status).toBe(429);
    expect(errorCodes(burst)).toEqual(['RATE_LIMITED']);
    expect(burst.errors?.[0]?.extensions?.['retryAfterSeconds']).toBeGreaterThan(0);
    const users = stack.subgraphs.users.subgraph.runtime.mongo.collection('users');
    expect(await users.countDocuments({ email: /@limit\.test$/ })).toBe(1);
  });

  it('limits password-reset requests per client address, through fragments', async () => {
    const reset =
      'mutation { ...R } fragment R on Mutation { requestPasswordReset(email: "x@y.test") }';
    expect((await stack.query(reset)).errors).toBeUndefined();
    expect((await stack.query(reset)).errors).toBeUndefined();
    expect(errorCodes(await stack.query(reset))).toEqual(['RATE_LIMITED']);
  });

  it('passes the GraphQL-over-HTTP audit with no error and no warning', async () => {
    const results = await auditServer({ url: stack.gatewayUrl });
    // Notices (MAY items such as GET with URL-encoded variables, which CSRF prevention refuses
    // without a preflight header) are not warnings.
    const problems = results
      .filter((result) => result.status === 'warn' || result.status === 'error')
      .map(
        (result) =>
          `${result.status}: ${result.name}${'reason' in result ? ` (${result.reason})` : ''}`,
      );
    expect(problems).toEqual([]);
  });
});

describe('a gateway in production', () => {
  let gateway: Gateway;
  let url: string;

  beforeAll(async () => {
    const secret = (label: string) => `${label}-${randomBytes(24).toString('hex')}`;
    gateway = createGateway(
      loadGatewayConfig({
        ...process.env,
        NODE_ENV: 'production',
        GATEWAY_SIGNING_SECRET: secret('signing'),
        ACCESS_TOKEN_SECRET: secret('access'),
      }),
    );
    url = (await gateway.http.listen(0)).url;
  });
  afterAll(() => gateway.stop());

  it('gives no "Did you mean" hints that would name fields, arguments or enum values', async () => {
    const field = await graphql(url, '{ prodcts { totalCount } }');
    expect(errorCodes(field)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(field.errors?.[0]?.message).toBe('Cannot query field "prodcts" on type "Query".');
    const value = await graphql(
      url,
      'query ($sort: ProductSort) { products(sort: $sort) { totalCount } }',
      { sort: 'PRICE' },
    );
    expect(errorCodes(value)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(value.errors)).not.toMatch(/Did you mean|PRICE_ASC/);
  });
});
