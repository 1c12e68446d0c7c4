import type { IncomingMessage } from 'node:http';
import {
  createSignedInUser,
  errorCodes,
  newEmail,
  startStack,
  TEST_PASSWORD,
  type Stack,
  type TestUser,
} from '../src';
import { CartCatalog, cartClient } from './cart-fixtures';

const ME = '{ me { id email } }';
const MY_CART = '{ myCart { id items { quantity product { id name } } } }';
const LISTING = '{ products(first: 5, sort: PRICE_ASC) { totalCount edges { node { id name } } } }';
const CONCURRENT = 20;
const TOO_DEEP = `{ __schema { types { fields { type { ${'ofType { '.repeat(8)}name${' }'.repeat(8)} } } } } }`;

describe('gateway deduplication of identical requests in flight', () => {
  let stack: Stack;
  let alice: TestUser;
  let bob: TestUser;
  const served = new Map<string, number>();

  beforeAll(async () => {
    stack = await startStack();
    const catalog = await CartCatalog.seed(stack, 20);
    [alice, bob] = await Promise.all([createSignedInUser(stack), createSignedInUser(stack)]);
    const [forAlice, forBob] = [await catalog.take(), await catalog.take()];
    await cartClient(stack, alice.accessToken).add(forAlice, 1);
    await cartClient(stack, bob.accessToken).add(forBob, 2);
    for (const [name, running] of Object.entries(stack.subgraphs)) {
      running.subgraph.http.httpServer.prependListener('request', (req: IncomingMessage) => {
        if (req.url === '/graphql') served.set(name, (served.get(name) ?? 0) + 1);
      });
    }
  });
  afterAll(() => stack.stop());
  beforeEach(() => served.clear());

  /** `CONCURRENT` requests for each user at the same moment, interleaved. */
  async function burst<T>(query: string, users: Array<TestUser | null>) {
    const calls = Array.from({ length: CONCURRENT }, () =>
      users.map((user) => stack.query<T>(query, {}, user ? { token: user.accessToken } : {})),
    ).flat();
    return Promise.all(calls);
  }

  it('never gives one user the answer meant for another when both ask `me` at once', async () => {
    const answers = await burst<{ me: { id: string; email: string } }>(ME, [alice, bob]);
    answers.forEach((answer, index) => {
      const user = index % 2 === 0 ? alice : bob;
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.me).toEqual({ id: user.id, email: user.email });
    });
    // One user's identical requests did share: fewer users-subgraph calls than requests.
    const calls = served.get('users') ?? 0;
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(calls).toBeLessThan(2 * CONCURRENT);
  });

  it('never gives one user the cart of another when both ask `myCart` at once', async () => {
    const answers = await burst<{
      myCart: { items: Array<{ quantity: number }> };
    }>(MY_CART, [alice, bob]);
    answers.forEach((answer, index) => {
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.myCart.items.map((item) => item.quantity)).toEqual([
        index % 2 === 0 ? 1 : 2,
      ]);
    });
    expect(served.get('cart') ?? 0).toBeLessThan(2 * CONCURRENT);
  });

  it('runs identical anonymous listings once and gives every caller the same answer', async () => {
    const answers = await burst<{ products: unknown }>(LISTING, [null]);
    const first = JSON.stringify(answers[0]?.data);
    expect(answers.every((answer) => JSON.stringify(answer.data) === first)).toBe(true);
    expect(answers[0]?.errors).toBeUndefined();
    expect(served.get('products') ?? 0).toBeGreaterThanOrEqual(1);
    expect(served.get('products') ?? 0).toBeLessThan(CONCURRENT);
  });
  /** Anonymous requests the gateway answered with another's bytes, from its `/metrics`. */
  async function sharedAnswers(): Promise<number> {
    const text = await (await fetch(stack.gatewayUrl.replace('/graphql', '/metrics'))).text();
    return Number(/^graphql_shared_answers_total\{[^}]*\} (\d+)$/m.exec(text)?.[1] ?? 0);
  }

  it('answers identical anonymous queries with one run, each caller keeping its own request id', async () => {
    const before = await sharedAnswers();
    const answers = await Promise.all(
      Array.from({ length: CONCURRENT }, async (_, index) => {
        const requestId = `dedup-test-${index}-${Date.now()}`;
        const response = await fetch(stack.gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-request-id': requestId },
          body: JSON.stringify({ query: LISTING }),
        });
        return {
          requestId,
          echoed: response.headers.get('x-request-id'),
          text: await response.text(),
        };
      }),
    );
    expect(answers.map((answer) => answer.echoed)).toEqual(
      answers.map((answer) => answer.requestId),
    );
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
    expect(JSON.parse(answers[0]?.text ?? '{}').data.products.edges).toHaveLength(5);
    expect((await sharedAnswers()) - before).toBeGreaterThan(0);
  });

  it("never answers a mutation with another one's answer: one of twenty identical sign-ups succeeds", async () => {
    const register =
      'mutation ($input: RegisterInput!) { register(input: $input) { accessToken } }';
    const input = { email: newEmail(), password: TEST_PASSWORD, name: 'Twin' };
    const before = await sharedAnswers();
    const answers = await Promise.all(
      Array.from({ length: CONCURRENT }, () => stack.query(register, { input })),
    );
    expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
    const refused = answers.filter((answer) => answer.errors).map((answer) => errorCodes(answer));
    expect(refused).toEqual(Array.from({ length: CONCURRENT - 1 }, () => ['EMAIL_TAKEN']));
    expect(await sharedAnswers()).toBe(before);
  });

  it('shares no answer of a document a limit refused: each caller is refused on its own', async () => {
    const before = await sharedAnswers();
    const answers = await burst(TOO_DEEP, [null]);
    for (const answer of answers) expect(errorCodes(answer)).toEqual(['QUERY_TOO_DEEP']);
    expect(await sharedAnswers()).toBe(before);
  });
});
