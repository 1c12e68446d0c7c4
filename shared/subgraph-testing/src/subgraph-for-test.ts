import { randomBytes } from 'node:crypto';
import type { Identity, Role } from '@shop/auth';
import {
  createSubgraph,
  type Subgraph,
  type SubgraphBaseContext,
  type SubgraphConfig,
  type SubgraphDefinition,
} from '@shop/service';
import { callAsGateway, type GatewayResult } from './gateway-client';
import { uniqueName } from '@shop/testing';

/** A caller with one or more roles and a fresh user id, as the gateway would vouch for it. */
export function testIdentity(...roles: [Role, ...Role[]]): Identity {
  return { userId: randomBytes(12).toString('hex'), roles, sessionId: uniqueName('session') };
}

export interface SubgraphForTest<TConfig, TSubgraph extends Subgraph> {
  subgraph: TSubgraph;
  config: TConfig;
  /** The subgraph's GraphQL URL. */
  url: string;
  /** The origin of its internal API (`/internal/...`). */
  origin: string;
  /** Sends an operation signed as the gateway does, for `identity` (anonymous when absent). */
  call<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    identity?: Identity | null,
  ): Promise<GatewayResult<TData>>;
  stop(): Promise<void>;
}

/**
 * Starts one subgraph from its definition on a free port, with a database and queue prefix no
 * other test file uses (`env` adds or overrides variables), and a client that calls it the way
 * the gateway does.
 */
export async function startSubgraphForTest<
  TConfig extends SubgraphConfig,
  TModels,
  TServices,
  TContext extends SubgraphBaseContext,
>(
  definition: SubgraphDefinition<TConfig, TModels, TServices, TContext>,
  loadConfig: (env: NodeJS.ProcessEnv) => TConfig,
  env: Record<string, string> = {},
): Promise<SubgraphForTest<TConfig, Subgraph<TModels, TServices>>> {
  const config = loadConfig({
    ...process.env,
    [`${definition.name.toUpperCase()}_DB`]: uniqueName(definition.name),
    QUEUE_PREFIX: uniqueName('q'),
    ...env,
  });
  const subgraph = await createSubgraph(definition, config);
  const { url } = await subgraph.http.listen(0);
  return {
    subgraph,
    config,
    url,
    origin: new URL(url).origin,
    call: (query, variables = {}, identity = null) =>
      callAsGateway(
        { url, audience: definition.name, secret: config.GATEWAY_SIGNING_SECRET, identity },
        query,
        variables,
      ),
    stop: () => subgraph.stop(),
  };
}
