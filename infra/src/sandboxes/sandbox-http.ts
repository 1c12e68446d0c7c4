import { createServer } from 'node:http';
import type { ErrorRequestHandler, Express, Response } from 'express';
import { closeServer, listenOn } from '../sinks/listen';

/** A sandbox listening on a port, and how to stop it. */
export interface RunningSandbox {
  port: number;
  /** Base URL, without a trailing slash. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves `app` on host:port. Stopping also ends open connections: a held answer (the PG's
 * hanging card) or a keep-alive client must not keep a test run waiting.
 */
export async function serveSandbox(app: Express, port: number, host: string) {
  const server = createServer(app);
  const boundPort = await listenOn(server, port, host);
  return {
    port: boundPort,
    url: `http://${host}:${boundPort}`,
    async stop() {
      const closed = closeServer(server);
      server.closeAllConnections();
      await closed;
    },
  };
}

/**
 * Answers a body `express.json()` could not read (malformed, too large) in the sandbox's own
 * error shape instead of Express's HTML page, so clients see the same `{code, message}` as for
 * every other refusal.
 */
export function malformedJsonHandler(code: string): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    const status = (error as { status?: unknown } | null)?.status;
    if (typeof status !== 'number' || status < 400 || status >= 500) {
      next(error);
      return;
    }
    const message =
      status === 413 ? 'The request body is too large' : 'The request body is not valid JSON';
    refuse(res, status, code, message);
  };
}

export function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ code, message });
}

/** A JSON body as a record of unknown values; anything else (array, missing body) is empty. */
export function bodyRecord(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}
