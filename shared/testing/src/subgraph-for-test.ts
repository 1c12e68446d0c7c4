import { randomBytes } from 'node:crypto';
import type { Identity, Role } from '@shop/auth';
import type { Subgraph } from '@shop/service';
import { callAsGateway, type GatewayResult } from './gateway-client';
import { uniqueName } from './unique-name';

/** A caller with one or more roles and a fresh user id, as the gateway would vouch for it. */
export function testIdentity(...roles: [Role, ...Role[]]): Identity {
  return { userId: randomBytes(12).toString('hex'), roles, sessionId: uniqueName('session') };
}

export interface SubgraphForTestOptions<TConfig, TSubgraph extends Subgraph> {
  /** The subgraph's name: its audience, and the prefix of its `<NAME>_DB` variable. */
  name: string;
  loadConfig: (env: NodeJS.ProcessEnv) => TConfig;
  create: (config: TConfig) => Promise<TSubgraph>;
  /** Variables on top of the test environment, e.g. `{ PRODUCTS_BACKGROUND_TASKS: 'off' }`. */
  env?: Record<string, string>;
}

export interface SubgraphForTest<TConfig, TSubgraph extends Subgraph> {
  subgraph: TSubgraph;
  config: TConfig;
  /** The subgraph's GraphQL URL. */
  url: string;
  /** Sends an operation signed as the gateway does, for `identity` (anonymous when absent). */
  call<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    identity?: Identity | null,
  ): Promise<GatewayResult<TData>>;
  stop(): Promise<void>;
}

/**
 * Starts one subgraph on a free port with a database and queue prefix no other test file uses,
 * and a client that calls it the way the gateway does.
 */
export async function startSubgraphForTest<
  TConfig extends { GATEWAY_SIGNING_SECRET: string },
  TSubgraph extends Subgraph,
>(
  options: SubgraphForTestOptions<TConfig, TSubgraph>,
): Promise<SubgraphForTest<TConfig, TSubgraph>> {
  const config = options.loadConfig({
    ...process.env,
    [`${options.name.toUpperCase()}_DB`]: uniqueName(options.name),
    QUEUE_PREFIX: uniqueName('q'),
    ...options.env,
  });
  const subgraph = await options.create(config);
  const { url } = await subgraph.http.listen(0);
  return {
    subgraph,
    config,
    url,
    call: (query, variables = {}, identity = null) =>
      callAsGateway(
        { url, audience: options.name, secret: config.GATEWAY_SIGNING_SECRET, identity },
        query,
        variables,
      ),
    stop: () => subgraph.stop(),
  };
}
