import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request, type RequestHandler, type Router } from 'express';
import type { Logger } from '@shop/logger';
import { ensureBody, jsonErrorHandler, jsonNotFound } from './body-errors';
import type { ServiceMetrics } from './metrics';
import { withTimeout } from './with-timeout';

/** `/ready` answers within this time even when a check hangs; a hung check is not ready. */
const READINESS_TIMEOUT_MS = 2_500;

/**
 * How long every server keeps an idle connection open. Set explicitly (Node's default is 5 s)
 * so callers that keep connections alive, the gateway above all, can close theirs first: a
 * client must stop reusing a socket before the server closes it, or a request sent in that
 * instant meets ECONNRESET.
 */
export const SERVER_KEEP_ALIVE_TIMEOUT_MS = 30_000;

/** The largest GraphQL request body any service reads. */
export const GRAPHQL_BODY_LIMIT_BYTES = 1024 * 1024;

export interface HttpServiceOptions<TContext extends BaseContext> {
  logger: Logger;
  metrics: ServiceMetrics;
  /** Builds the Apollo server; receives the HTTP server so it can drain it on stop. */
  createApollo: (httpServer: Server) => ApolloServer<TContext>;
  context: (req: Request) => Promise<TContext>;
  /** Named dependency checks for `/ready`; every one must be true. */
  readiness: () => Promise<Record<string, boolean>>;
  /** More for `/ready` to show beside the checks, such as circuit states. */
  readinessDetails?: () => Record<string, unknown>;
  /** Further routes, such as a service's internal API under `/internal`. */
  routers?: Array<{ path: string; router: Router }>;
  /**
   * Sees every request before Express does and may answer it itself (the gateway's answers
   * shared between identical anonymous requests); `pass` hands the request on to Express.
   */
  intercept?: (req: IncomingMessage, res: ServerResponse, pass: () => void) => void;
  /**
   * Steps between body parsing and Apollo on `/graphql`, such as the gateway's trusted
   * documents; each may answer the request itself.
   */
  beforeGraphql?: RequestHandler[];
  /** Runs once Apollo has started and before the server listens (plan-cache warm-up). */
  onStarted?: () => Promise<void>;
}

export interface HttpService {
  /** Starts listening; port 0 picks a free port. */
  listen(port: number, host?: string): Promise<{ url: string; port: number }>;
  /** Stops accepting requests and waits for in-flight ones. */
  stop(): Promise<void>;
  httpServer: Server;
}

/**
 * The HTTP face every process shares: `POST /graphql`, `GET /health` (the process is alive),
 * `GET /ready` (its dependencies answer) and `GET /metrics` (Prometheus text format).
 */
export function createHttpService<TContext extends BaseContext>(
  options: HttpServiceOptions<TContext>,
): HttpService {
  const app = express();
  app.disable('x-powered-by');
  // GraphQL answers are POSTs no HTTP cache revalidates: hashing every body for an ETag is waste.
  app.set('etag', false);
  const { intercept } = options;
  const httpServer = createServer(
    intercept ? (req, res) => intercept(req, res, () => void app(req, res)) : app,
  );
  httpServer.keepAliveTimeout = SERVER_KEEP_ALIVE_TIMEOUT_MS;
  // Headers of a request on a kept-alive socket must be allowed a little longer than the socket.
  httpServer.headersTimeout = SERVER_KEEP_ALIVE_TIMEOUT_MS + 1_000;
  const apollo = options.createApollo(httpServer);
  let started = false;

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const checks = await withTimeout(options.readiness(), READINESS_TIMEOUT_MS, {
      timeout: false,
    });
    const ready = Object.values(checks).every(Boolean);
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'unavailable',
      checks,
      ...options.readinessDetails?.(),
    });
  });
  for (const { path, router } of options.routers ?? []) app.use(path, router);
  app.get('/metrics', async (_req, res) => {
    res.type(options.metrics.registry.contentType).send(await options.metrics.registry.metrics());
  });

  return {
    httpServer,
    async listen(port, host = '127.0.0.1') {
      await apollo.start();
      started = true;
      await options.onStarted?.();
      app.use(
        '/graphql',
        express.json({ limit: GRAPHQL_BODY_LIMIT_BYTES }),
        ensureBody,
        ...(options.beforeGraphql ?? []),
        expressMiddleware(apollo, { context: async ({ req }) => options.context(req) }),
      );
      app.use(jsonNotFound);
      app.use(jsonErrorHandler((err) => options.logger.error({ err }, 'request failed')));
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve());
      });
      const address = httpServer.address() as AddressInfo;
      options.logger.info({ port: address.port }, 'listening');
      return { url: `http://${host}:${address.port}/graphql`, port: address.port };
    },
    async stop() {
      // Apollo's drain plugin closes the HTTP server and waits for in-flight requests.
      if (started) await apollo.stop();
      else if (httpServer.listening) await new Promise((resolve) => httpServer.close(resolve));
    },
  };
}
