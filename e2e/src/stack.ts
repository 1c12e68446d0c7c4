import { createCartSubgraph, loadCartConfig } from '@shop/cart-subgraph';
import { createGateway, loadGatewayConfig, type Gateway } from '@shop/gateway';
import { createOrdersSubgraph, loadOrdersConfig } from '@shop/orders-subgraph';
import { createProductsSubgraph, loadProductsConfig } from '@shop/products-subgraph';
import { createRedis, type Redis } from '@shop/redis';
import type { Subgraph } from '@shop/service';
import { createSupportSubgraph, loadSupportConfig } from '@shop/support-subgraph';
import { uniqueName } from '@shop/testing';
import { createUsersSubgraph, loadUsersConfig } from '@shop/users-subgraph';
import { loadWorkersConfig, startWorkers, type RunningWorkers } from '@shop/workers';
import { graphql, type GraphQLResult, type RequestOptions } from './graphql-client';

const FACTORIES = {
  users: (env: NodeJS.ProcessEnv) => createUsersSubgraph(loadUsersConfig(env)),
  products: (env: NodeJS.ProcessEnv) => createProductsSubgraph(loadProductsConfig(env)),
  cart: (env: NodeJS.ProcessEnv) => createCartSubgraph(loadCartConfig(env)),
  orders: (env: NodeJS.ProcessEnv) => createOrdersSubgraph(loadOrdersConfig(env)),
  support: (env: NodeJS.ProcessEnv) => createSupportSubgraph(loadSupportConfig(env)),
} as const;

export type SubgraphName = keyof typeof FACTORIES;

interface RunningSubgraph<TSubgraph extends Subgraph = Subgraph> {
  subgraph: TSubgraph;
  url: string;
  port: number;
}

/** Each running subgraph with its own models and services, for seed builders and assertions. */
type RunningSubgraphs = {
  [Name in SubgraphName]: RunningSubgraph<Awaited<ReturnType<(typeof FACTORIES)[Name]>>>;
};

export interface Stack {
  /** The environment the stack runs with: unique databases and key prefixes. */
  env: NodeJS.ProcessEnv;
  gatewayUrl: string;
  /** The secret the gateway verifies access tokens with, for seed builders that sign them. */
  accessTokenSecret: string;
  /** The HMAC key of gateway-to-subgraph signatures, for tests that play the gateway. */
  signingSecret: string;
  subgraphs: RunningSubgraphs;
  /** A Redis connection for assertions on stored state. */
  redis: Redis;
  /** Runs an operation through the gateway. */
  query<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GraphQLResult<TData>>;
  /** The email and SMS workers, when started with `{ workers: true }`. */
  workers: RunningWorkers | null;
  /** Stops a subgraph and starts it again on the same port, like a process restart. */
  restart(name: SubgraphName): Promise<void>;
  /** Stops a subgraph, as if its process died; `startSubgraph` brings it back on its port. */
  stopSubgraph(name: SubgraphName): Promise<void>;
  startSubgraph(name: SubgraphName): Promise<void>;
  stop(): Promise<void>;
}

async function startSubgraph<Name extends SubgraphName>(
  name: Name,
  env: NodeJS.ProcessEnv,
  port = 0,
): Promise<RunningSubgraphs[Name]> {
  const subgraph: Subgraph = await FACTORIES[name](env);
  const listening = await subgraph.http.listen(port);
  // FACTORIES[name] built the subgraph of that name; TypeScript cannot follow the correlation.
  return { subgraph, url: listening.url, port: listening.port } as RunningSubgraphs[Name];
}

/**
 * Starts the subgraphs in the order their internal APIs need: products first (cart and orders
 * call it), then users, cart and support, then orders (it calls users and cart). Each address
 * is only known once its subgraph listens. Subgraphs in `external` are left to the caller.
 */
async function startSubgraphs(
  env: NodeJS.ProcessEnv,
  external: Partial<Record<SubgraphName, number>>,
): Promise<RunningSubgraphs> {
  const running: Partial<Record<SubgraphName, RunningSubgraph>> = {};
  const start = async (name: SubgraphName) => {
    if (external[name] === undefined) running[name] = await startSubgraph(name, env);
  };
  const origin = (name: SubgraphName) =>
    running[name]
      ? new URL(running[name].url).origin
      : `http://127.0.0.1:${String(external[name] ?? 0)}`;
  await start('products');
  env['PRODUCTS_INTERNAL_URL'] ??= origin('products');
  await Promise.all((['users', 'cart'] as const).map(start));
  env['USERS_INTERNAL_URL'] ??= origin('users');
  env['CART_INTERNAL_URL'] ??= origin('cart');
  await start('orders');
  // Support last: it checks inquiries' orders through the orders' internal API.
  env['ORDERS_INTERNAL_URL'] ??= origin('orders');
  await start('support');
  // Subgraphs run elsewhere are absent here; stop() and restart() know to skip them.
  return running as RunningSubgraphs;
}

function urlOf(name: SubgraphName, subgraphs: RunningSubgraphs, options: StackOptions): string {
  const port = options.external?.[name];
  return port === undefined ? subgraphs[name].url : `http://127.0.0.1:${port}/graphql`;
}

export interface StackOptions {
  /**
   * Also start the email and SMS workers in this process, on the stack's queue prefix, so
   * mail the subgraphs send reaches the mail sink. @defaultValue false
   */
  workers?: boolean;
  /**
   * Subgraphs that run elsewhere (a child process a test kills), at the port given: the stack
   * does not start them and the gateway calls them there. @defaultValue none
   */
  external?: Partial<Record<SubgraphName, number>>;
}

/**
 * Starts the five subgraphs and the gateway in this process on free ports, each subgraph with
 * its own fresh database and the cart with its own Redis key prefix, so test files never see
 * each other's data. Queues (`QUEUE_PREFIX`) and login throttling keys (`AUTH_KEY_PREFIX`) are
 * per stack too. `overrides` adds or replaces environment variables.
 */
export async function startStack(
  overrides: Record<string, string> = {},
  options: StackOptions = {},
): Promise<Stack> {
  const prefix = uniqueName('e2e');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    USERS_DB: `${prefix}_users`,
    PRODUCTS_DB: `${prefix}_products`,
    CART_DB: `${prefix}_cart`,
    ORDERS_DB: `${prefix}_orders`,
    SUPPORT_DB: `${prefix}_support`,
    CART_KEY_PREFIX: `${prefix}:cart:`,
    QUEUE_PREFIX: prefix,
    AUTH_KEY_PREFIX: `${prefix}:auth:`,
    GATEWAY_KEY_PREFIX: `${prefix}:gateway:`,
    // Tests sign up and reset from one address far more often than a person would.
    REGISTER_IP_LIMIT: '100000',
    PASSWORD_RESET_IP_LIMIT: '100000',
    ...overrides,
  };
  const names = Object.keys(FACTORIES) as SubgraphName[];
  const subgraphs = await startSubgraphs(env, options.external ?? {});
  const gatewayEnv = {
    ...env,
    ...Object.fromEntries(
      names.map((name) => [`${name.toUpperCase()}_URL`, urlOf(name, subgraphs, options)]),
    ),
  };
  const gatewayConfig = loadGatewayConfig(gatewayEnv);
  const gateway: Gateway = createGateway(gatewayConfig);
  const { url: gatewayUrl } = await gateway.http.listen(0);
  const redis = createRedis(String(env['REDIS_URL']));
  const workers = options.workers ? startWorkers(loadWorkersConfig(env)) : null;
  const stopped = new Set<SubgraphName>();

  const stack: Stack = {
    env,
    gatewayUrl,
    accessTokenSecret: gatewayConfig.ACCESS_TOKEN_SECRET,
    signingSecret: gatewayConfig.GATEWAY_SIGNING_SECRET,
    subgraphs,
    redis,
    workers,
    query: (query, variables, options) => graphql(gatewayUrl, query, variables, options),
    async restart(name) {
      await stack.stopSubgraph(name);
      await stack.startSubgraph(name);
    },
    async stopSubgraph(name) {
      if (stopped.has(name)) return;
      stopped.add(name);
      await subgraphs[name].subgraph.stop();
    },
    async startSubgraph(name) {
      if (!stopped.has(name)) return;
      (subgraphs as Record<SubgraphName, RunningSubgraph>)[name] = await startSubgraph(
        name,
        env,
        subgraphs[name].port,
      );
      stopped.delete(name);
    },
    async stop() {
      await workers?.stop();
      await gateway.stop();
      await Promise.all(
        names
          .filter((name) => !stopped.has(name))
          .map((name) => (subgraphs as Partial<RunningSubgraphs>)[name]?.subgraph.stop()),
      );
      await redis.quit();
    },
  };
  return stack;
}
