import { Router, json, type Request } from 'express';
import { Agent } from 'undici';
import { signInternalRequest, verifyInternalRequest } from '@shop/auth';
import { AppError, type ErrorCode, isPublicErrorCode, ServiceUnavailableError } from '@shop/errors';
import type { Logger } from '@shop/logger';

/** One operation of a service's internal API: authenticated, never part of the public graph. */
export interface InternalRoute {
  /** Path under `/internal`, e.g. `/products/lookup`. */
  path: string;
  /** Services allowed to call it. */
  callers: string[];
  handle(body: unknown, caller: string): Promise<unknown>;
}

interface RawBodyRequest extends Request {
  rawBody?: string;
}

/**
 * Mounts internal routes under `/internal`. Each request must carry a signature over its body
 * made with the internal secret by an allowed caller; coded errors travel back with their code
 * (422), anything else as a masked 500.
 */
export function internalRouter(options: {
  audience: string;
  secret: string;
  routes: InternalRoute[];
  logger: Logger;
}) {
  const router = Router();
  router.use(
    json({
      limit: '1mb',
      verify: (req, _res, buffer) => {
        (req as RawBodyRequest).rawBody = buffer.toString('utf8');
      },
    }),
  );
  for (const route of options.routes) {
    router.post(route.path, async (req: RawBodyRequest, res) => {
      const caller = verifyInternalRequest({
        audience: options.audience,
        secret: options.secret,
        body: req.rawBody ?? '',
        headers: req.headers,
      });
      if (!caller || !route.callers.includes(caller)) {
        res
          .status(401)
          .json({ error: { code: 'UNAUTHENTICATED', message: 'Internal call not authenticated' } });
        return;
      }
      try {
        res.json({ data: await route.handle(req.body, caller) });
      } catch (error) {
        if (error instanceof AppError && isPublicErrorCode(error.code)) {
          res.status(422).json({ error: { ...error.extensions, message: error.message } });
          return;
        }
        options.logger.error({ err: error, path: route.path, caller }, 'internal call failed');
        res
          .status(500)
          .json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
      }
    });
  }
  return router;
}

/**
 * Kept-alive connections for internal calls, closed after 10 s idle: before the servers' own
 * keep-alive timeout (`SERVER_KEEP_ALIVE_TIMEOUT_MS`), so a socket being closed is not reused.
 */
const INTERNAL_AGENT = new Agent({ keepAliveTimeout: 10_000, keepAliveMaxTimeout: 10_000 });

export interface InternalClientOptions {
  /** Base URL of the service, e.g. `http://127.0.0.1:4002`. */
  baseUrl: string;
  caller: string;
  audience: string;
  secret: string;
  /** Deadline of one call, body included. @defaultValue 2_000 */
  timeoutMs?: number;
}

/**
 * Calls another service's internal API; coded errors are rethrown as the same AppError. A
 * service that cannot be reached, does not answer within `timeoutMs` or answers 502–504 is
 * SERVICE_UNAVAILABLE.
 */
export class InternalClient {
  constructor(private readonly options: InternalClientOptions) {}

  async post<T>(path: string, payload: unknown): Promise<T> {
    const body = JSON.stringify(payload);
    const headers = signInternalRequest({
      caller: this.options.caller,
      audience: this.options.audience,
      body,
      secret: this.options.secret,
    });
    const target = new URL(`/internal${path}`, this.options.baseUrl);
    const timeoutMs = this.options.timeoutMs ?? 2_000;
    let status: number;
    let text: string;
    try {
      // undici's plain request: fetch's Request, Response and streams cost more CPU than the
      // rest of the call, and a cart page makes one of these per view.
      const response = await INTERNAL_AGENT.request({
        origin: target.origin,
        path: target.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      status = response.statusCode;
      text = await response.body.text();
    } catch {
      // Refused, reset, or no answer within the deadline: the service is unavailable.
      throw new ServiceUnavailableError();
    }
    if (status >= 502 && status <= 504) throw new ServiceUnavailableError();
    const parsed = JSON.parse(text) as { data?: T; error?: { code: string; message: string } };
    if (status >= 200 && status < 300) return parsed.data as T;
    const { code, message, ...details } = parsed.error ?? {
      code: 'INTERNAL_SERVER_ERROR',
      message: `HTTP ${status}`,
    };
    if (status === 422 && isPublicErrorCode(code))
      throw new AppError(code as ErrorCode, message, details);
    throw new Error(
      `internal call ${this.options.audience}${path} failed with ${status}: ${message}`,
    );
  }
}
