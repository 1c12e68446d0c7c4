import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request, type Router } from 'express';
import type { Logger } from '@shop/logger';
import { ensureBody, jsonErrorHandler, jsonNotFound } from './body-errors';
import type { ServiceMetrics } from './metrics';

/** `/ready` answers within this time even when a check hangs; a hung check is not ready. */
const READINESS_TIMEOUT_MS = 2_500;

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
  const httpServer = createServer(app);
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
      app.use(
        '/graphql',
        express.json({ limit: '1mb' }),
        ensureBody,
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

async function withTimeout<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  try {
    return await Promise.race([work.catch(() => fallback), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
