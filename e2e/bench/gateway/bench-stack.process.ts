/**
 * Child process of the gateway benchmark: the five subgraphs (and the e2e stack's own gateway,
 * used only to set up carts), a seeded catalog and signed-in customers with carts. Counts the
 * GraphQL requests each subgraph serves and reports them on request over IPC.
 */
import type { IncomingMessage } from 'node:http';
import { sessionKey, signAccessToken } from '@shop/auth';
import { seedCatalog } from '@shop/products-subgraph';
import { createSignedInUser, startStack } from '../../src';
import { CartCatalog, cartClient } from '../../test/cart-fixtures';

const TOKEN_TTL_SECONDS = 4 * 3_600;

export interface StackReady {
  type: 'ready';
  env: Record<string, string>;
  subgraphUrls: Record<string, string>;
  tokens: string[];
  categoryIds: string[];
}

async function main() {
  const scale = Number(process.env['BENCH_SCALE'] ?? 10_000);
  const clients = Number(process.env['BENCH_CLIENTS'] ?? 20);
  const lines = Number(process.env['BENCH_LINES'] ?? 10);
  // The products subgraph the gateways call runs in a process of its own (products.process.ts)
  // on this database; the stack's own instance is used only to set up carts.
  const stack = await startStack({
    PRODUCTS_BACKGROUND_TASKS: 'off',
    PRODUCTS_DB: String(process.env['BENCH_PRODUCTS_DB']),
    PRODUCTS_INTERNAL_URL: String(process.env['BENCH_PRODUCTS_ORIGIN']),
  });
  const counts = new Map<string, number>();
  for (const [name, running] of Object.entries(stack.subgraphs)) {
    running.subgraph.http.httpServer.prependListener('request', (req: IncomingMessage) => {
      if (req.url === '/graphql') counts.set(name, (counts.get(name) ?? 0) + 1);
    });
  }
  const catalog = await CartCatalog.seed(stack, lines + 10);
  await seedCatalog(stack.subgraphs.products.subgraph.runtime.mongo, scale);
  const products = await Promise.all(
    Array.from({ length: lines }, (_, index) => catalog.take({ price: 1_000 * (index + 1) })),
  );
  const tokens = await Promise.all(
    Array.from({ length: clients }, async () => {
      const user = await createSignedInUser(stack);
      const cart = cartClient(stack, user.accessToken);
      for (const productId of products) await cart.add(productId, 1);
      // Long-lived: the whole benchmark outlasts the usual 15 minutes.
      await stack.redis.expire(sessionKey(user.sessionId), TOKEN_TTL_SECONDS);
      return signAccessToken(
        { userId: user.id, roles: ['CUSTOMER'], sessionId: user.sessionId },
        { secret: stack.accessTokenSecret, ttlSeconds: TOKEN_TTL_SECONDS },
      );
    }),
  );
  const categories = await stack.subgraphs.products.subgraph.models.categories.find().lean();
  const ready: StackReady = {
    type: 'ready',
    env: Object.fromEntries(
      Object.entries(stack.env).filter((entry): entry is [string, string] => !!entry[1]),
    ),
    subgraphUrls: Object.fromEntries(
      Object.entries(stack.subgraphs).map(([name, running]) => [name, running.url]),
    ),
    tokens,
    categoryIds: categories.map((category) => category._id.toHexString()),
  };
  process.send?.(ready);
  process.on('message', (message: { type: string }) => {
    if (message.type === 'counts')
      process.send?.({ type: 'counts', counts: Object.fromEntries(counts) });
    if (message.type === 'stop') void stack.stop().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
