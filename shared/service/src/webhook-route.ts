import { Router, raw } from 'express';
import type { Logger } from '@shop/logger';

/** A webhook as its handler sees it: the headers and the raw body bytes (to verify a signature). */
export interface WebhookRequest {
  headers: Record<string, string | undefined>;
  body: Buffer;
}

export interface WebhookAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** Largest webhook body accepted; carriers send a few hundred bytes. */
const WEBHOOK_BODY_LIMIT = '64kb';

/**
 * A router of one `POST` webhook whose body reaches the handler as raw bytes (whatever its
 * content type), so the handler can check a signature over exactly what was sent. The answer
 * is JSON; a handler that throws answers 500 and is logged.
 */
export function webhookRouter(
  path: string,
  handle: (request: WebhookRequest) => Promise<WebhookAnswer>,
  logger: Logger,
): Router {
  const router = Router();
  router.post(path, raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }), async (req, res) => {
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      headers[name] = Array.isArray(value) ? value[0] : value;
    }
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    try {
      const answer = await handle({ headers, body });
      res.status(answer.status).json(answer.body);
    } catch (error) {
      logger.error({ err: error, path }, 'webhook failed');
      res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: 'The webhook failed' });
    }
  });
  return router;
}
