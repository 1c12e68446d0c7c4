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

export interface StackOptions {
  /**
   * Also start the email and SMS workers in this process, on the stack's queue prefix, so
   * mail the subgraphs send reaches the mail sink. @defaultValue false
   */
  workers?: boolean;
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
    ...overrides,
  };
  const names = Object.keys(FACTORIES) as SubgraphName[];
  // Products first: the cart calls its internal API, whose address is only known now.
  const products = await startSubgraph('products', env);
  env['PRODUCTS_INTERNAL_URL'] ??= new URL(products.url).origin;
  const others = names.filter((name) => name !== 'products' && name !== 'support');
  const running = await Promise.all(others.map((name) => startSubgraph(name, env)));
  const started = Object.fromEntries(others.map((name, index) => [name, running[index]])) as Omit<
    RunningSubgraphs,
    'products' | 'support'
  >;
  // Support last: it calls the internal APIs of users and orders too.
  env['USERS_INTERNAL_URL'] ??= new URL(started.users.url).origin;
  env['ORDERS_INTERNAL_URL'] ??= new URL(started.orders.url).origin;
  const support = await startSubgraph('support', env);
  const subgraphs = { products, ...started, support } as RunningSubgraphs;
  const gatewayEnv = {
    ...env,
    ...Object.fromEntries(names.map((name) => [`${name.toUpperCase()}_URL`, subgraphs[name].url])),
  };
  const gatewayConfig = loadGatewayConfig(gatewayEnv);
  const gateway: Gateway = createGateway(gatewayConfig);
  const { url: gatewayUrl } = await gateway.http.listen(0);
  const redis = createRedis(String(env['REDIS_URL']));
  const workers = options.workers ? startWorkers(loadWorkersConfig(env)) : null;

  return {
    env,
    gatewayUrl,
    accessTokenSecret: gatewayConfig.ACCESS_TOKEN_SECRET,
    signingSecret: gatewayConfig.GATEWAY_SIGNING_SECRET,
    subgraphs,
    redis,
    workers,
    query: (query, variables, options) => graphql(gatewayUrl, query, variables, options),
    async restart(name) {
      const { port } = subgraphs[name];
      await subgraphs[name].subgraph.stop();
      (subgraphs as Record<SubgraphName, RunningSubgraph>)[name] = await startSubgraph(
        name,
        env,
        port,
      );
    },
    async stop() {
      await workers?.stop();
      await gateway.stop();
      await Promise.all(names.map((name) => subgraphs[name].subgraph.stop()));
      await redis.quit();
    },
  };
}
