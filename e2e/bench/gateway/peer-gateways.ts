/**
 * The gateways the benchmark compares ours with, over the same supergraph and subgraphs and
 * with the same trust: each verifies the access token and its live session, and signs every
 * subgraph request exactly as ours does (`signGatewayRequest`), so subgraphs accept them.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import express from 'express';
import {
  sessionKey,
  signGatewayRequest,
  verifyAccessToken,
  type ClientInfo,
  type Identity,
} from '@shop/auth';
import { createRedis, type Redis } from '@shop/redis';

export type PeerKind = 'apollo' | 'hive' | 'hive-rust' | 'hive-dedup';

export interface PeerSettings {
  subgraphUrls: Record<string, string>;
  signingSecret: string;
  accessTokenSecret: string;
  redisUrl: string;
}

interface PeerContext {
  identity: Identity | null;
  requestId: string;
  client: ClientInfo;
}

/** The committed supergraph with each subgraph's URL replaced by where it runs now. */
function supergraphSdl(urls: Record<string, string>): string {
  const sdl = readFileSync(join(__dirname, '../../../gateway/supergraph.graphql'), 'utf8');
  return sdl.replace(
    /join__graph\(name: "(\w+)", url: "[^"]*"\)/g,
    (_match, name: string) => `join__graph(name: "${name}", url: "${urls[name] ?? ''}")`,
  );
}

/** The same check as ours: a valid token whose session is alive, else anonymous. */
function authenticator(secret: string, redis: Redis) {
  return async (authorization: string | null | undefined): Promise<Identity | null> => {
    const token = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return null;
    const identity = await verifyAccessToken(token, { secret });
    if (!identity) return null;
    return (await redis.exists(sessionKey(identity.sessionId))) ? identity : null;
  };
}

const CLIENT: ClientInfo = { ip: '127.0.0.1', userAgent: 'bench' };

/** Plain `@apollo/gateway` on `@apollo/server` with express: what ours is built on. */
async function plainApollo(settings: PeerSettings, identify: ReturnType<typeof authenticator>) {
  const names = new Map(Object.entries(settings.subgraphUrls).map(([name, url]) => [url, name]));
  class Signed extends RemoteGraphQLDataSource<PeerContext> {
    override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<PeerContext>) {
      const headers = signGatewayRequest({
        audience: names.get(this.url) ?? '',
        identity: 'identity' in context ? (context.identity ?? null) : null,
        requestId: 'requestId' in context ? String(context.requestId) : 'internal',
        secret: settings.signingSecret,
        client: CLIENT,
        body: {
          query: request.query,
          variables: request.variables,
          operationName: request.operationName,
        },
      });
      for (const [name, value] of Object.entries(headers)) request.http?.headers.set(name, value);
    }
  }
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphSdl(settings.subgraphUrls),
    buildService: ({ url }) => new Signed({ url: url ?? '' }),
  });
  const apollo = new ApolloServer<PeerContext>({ gateway });
  await apollo.start();
  const app = express();
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        identity: await identify(req.headers.authorization),
        requestId: randomUUID(),
        client: CLIENT,
      }),
    }),
  );
  return { server: createServer(app), stop: () => apollo.stop() };
}

/** Hive Gateway's runtime; `rust` plans with the Rust query planner, `dedup` shares answers. */
function hive(
  settings: PeerSettings,
  identify: ReturnType<typeof authenticator>,
  options: { rust: boolean; dedup: boolean },
) {
  const names = new Map(Object.entries(settings.subgraphUrls).map(([name, url]) => [url, name]));
  const signing: GatewayPlugin<PeerContext> = {
    async onContextBuilding({ context, extendContext }) {
      extendContext({
        identity: await identify(context.request.headers.get('authorization')),
        requestId: randomUUID(),
        client: CLIENT,
      });
    },
    onFetch({ url, options: init, setOptions, context }) {
      const body = JSON.parse(String(init.body ?? '{}')) as Record<string, unknown>;
      const identity = 'identity' in context ? (context.identity ?? null) : null;
      const headers = signGatewayRequest({
        audience: names.get(url) ?? '',
        identity,
        requestId: randomUUID(),
        secret: settings.signingSecret,
        client: CLIENT,
        body: {
          query: body['query'] as string | undefined,
          variables: body['variables'] as Record<string, unknown> | undefined,
          operationName: body['operationName'] as string | undefined,
        },
      });
      // The token was only propagated to key Hive's upstream deduplication per caller.
      const { authorization: _token, ...forwarded } = init.headers as Record<string, string>;
      setOptions({ ...init, headers: { ...forwarded, ...headers } });
    },
  };
  const runtime = createGatewayRuntime<PeerContext>({
    supergraph: () => supergraphSdl(settings.subgraphUrls),
    logging: false,
    maskedErrors: false,
    plugins: () => [signing],
    // Hive deduplicates identical upstream queries in flight by URL and body, and by headers
    // only when some are propagated: without this, two customers' myCart calls (our signature
    // is added later, in onFetch) would share one answer.
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }: { request: Request }) => ({
        authorization: request.headers.get('authorization') ?? '',
      }),
    },
    ...(options.rust ? { unifiedGraphHandler } : {}),
    ...(options.dedup
      ? {
          inboundInflightRequestDeduplication: {
            shouldIncludeHeader: (name: string) => name === 'authorization',
          },
        }
      : {}),
  });
  return { server: createServer(runtime), stop: async () => runtime.dispose() };
}

/** Starts a peer gateway on a free port of 127.0.0.1. */
export async function startPeerGateway(kind: PeerKind, settings: PeerSettings) {
  const redis = createRedis(settings.redisUrl);
  const identify = authenticator(settings.accessTokenSecret, redis);
  const built: { server: Server; stop(): Promise<unknown> } =
    kind === 'apollo'
      ? await plainApollo(settings, identify)
      : hive(settings, identify, { rust: kind === 'hive-rust', dedup: kind === 'hive-dedup' });
  await new Promise<void>((resolve) => built.server.listen(0, '127.0.0.1', resolve));
  const address = built.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      built.server.close();
      await built.stop();
      await redis.quit();
    },
  };
}
