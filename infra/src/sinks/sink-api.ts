import express, { type Router } from 'express';
import type { MessageStore } from './message-store';

/**
 * The HTTP API both sinks share: `GET /api/messages` (newest first), `DELETE /api/messages`,
 * and `POST /api/failures {"count": n}` to fail the next n deliveries temporarily.
 */
export function sinkApi<T extends object>(store: MessageStore<T>): Router {
  const router = express.Router();
  router.use(express.json());
  router.get('/api/messages', (_req, res) => {
    res.json(store.list());
  });
  router.delete('/api/messages', (_req, res) => {
    store.clear();
    res.status(204).end();
  });
  router.post('/api/failures', (req, res) => {
    const count = Number((req.body as { count?: unknown } | undefined)?.count ?? 1);
    store.failNext(Number.isInteger(count) && count >= 0 ? count : 1);
    res.json({ failuresToInject: store.pendingFailures });
  });
  return router;
}
