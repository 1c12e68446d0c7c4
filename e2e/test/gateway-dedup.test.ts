import type { IncomingMessage } from 'node:http';
import { createSignedInUser, startStack, type Stack, type TestUser } from '../src';
import { CartCatalog, cartClient } from './cart-fixtures';

const ME = '{ me { id email } }';
const MY_CART = '{ myCart { id items { quantity product { id name } } } }';
const LISTING = '{ products(first: 5, sort: PRICE_ASC) { totalCount edges { node { id name } } } }';
const CONCURRENT = 20;

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
});
