import express, { type Request } from 'express';
import { MessageStore } from '../sinks/message-store';
import { failuresRoute, InjectedFailures } from './injected-failures';
import { RecentIds } from './recent-ids';
import {
  bodyRecord,
  malformedJsonHandler,
  refuse,
  serveSandbox,
  type RunningSandbox,
} from './sandbox-http';
import { type DataPlatformDelivery } from '@shop/testing';

export interface DataPlatformSinkOptions {
  /** @defaultValue 8029 (0 picks a free port) */
  port?: number;
  /** @defaultValue '127.0.0.1' */
  host?: string;
  /** When set, `POST /v1/events` requires `Authorization: Bearer <apiKey>`. @defaultValue none */
  apiKey?: string;
}

export interface RunningDataPlatformSink extends RunningSandbox {
  apiKey: string | undefined;
}

/**
 * The outside analytics platform: `POST /v1/events` takes one JSON event with string `id` and
 * `type` and answers 202. The test API records every delivery, duplicates included, because
 * at-least-once delivery is what our feed promises and tests must be able to see it:
 * `GET /api/events[?type=]` (newest first), `DELETE /api/events`, `POST /api/failures {count}`
 * (the next n deliveries answer 503) and `POST /api/outage {down}` (all answer 503 until lifted).
 */
export async function startDataPlatformSink(
  options: DataPlatformSinkOptions = {},
): Promise<RunningDataPlatformSink> {
  const deliveries = new MessageStore<Omit<DataPlatformDelivery, 'id' | 'receivedAt'>>();
  const seen = new RecentIds();
  const failures = new InjectedFailures();
  let down = false;

  const app = express();
  app.post('/v1/events', express.json({ limit: '1mb' }), (req, res) => {
    if (down || failures.take()) {
      refuse(res, 503, 'UNAVAILABLE', 'The data platform is unavailable (sandbox)');
      return;
    }
    if (options.apiKey !== undefined && !hasApiKey(req, options.apiKey)) {
      refuse(res, 401, 'UNAUTHORIZED', 'Send Authorization: Bearer <DATA_PLATFORM_API_KEY>');
      return;
    }
    const event = bodyRecord(req.body);
    const { id, type } = event;
    if (typeof id !== 'string' || typeof type !== 'string') {
      refuse(res, 400, 'INVALID_EVENT', 'An event needs string id and type fields');
      return;
    }
    deliveries.add({ eventId: id, type, duplicate: seen.has(id), event });
    seen.add(id);
    res.status(202).json({ accepted: true });
  });
  app.get('/api/events', (req, res) => {
    const type = typeof req.query['type'] === 'string' ? req.query['type'] : undefined;
    res.json(deliveries.list().filter((delivery) => type === undefined || delivery.type === type));
  });
  app.delete('/api/events', (_req, res) => {
    deliveries.clear();
    seen.clear();
    res.status(204).end();
  });
  app.use(failuresRoute(failures));
  app.post('/api/outage', express.json(), (req, res) => {
    const requested = bodyRecord(req.body)['down'];
    if (typeof requested !== 'boolean') {
      refuse(res, 400, 'INVALID_REQUEST', 'down must be true or false');
      return;
    }
    down = requested;
    res.json({ down });
  });
  app.use(malformedJsonHandler('INVALID_EVENT'));

  const server = await serveSandbox(app, options.port ?? 8029, options.host ?? '127.0.0.1');
  return { ...server, apiKey: options.apiKey };
}

function hasApiKey(req: Request, apiKey: string): boolean {
  return req.get('authorization') === `Bearer ${apiKey}`;
}
