import { randomBytes } from 'node:crypto';
import express from 'express';
import { CarrierEventLog, checkEventRequest } from './carrier-event-log';
import { renderTrackingPage } from './carrier-tracking-page';
import { sendCarrierWebhook } from './carrier-webhook';
import {
  bodyRecord,
  malformedJsonHandler,
  refuse,
  serveSandbox,
  type RunningSandbox,
} from './sandbox-http';

export interface CarrierSandboxOptions {
  /** @defaultValue 8028 (0 picks a free port) */
  port?: number;
  /** @defaultValue '127.0.0.1' */
  host?: string;
  /**
   * Where webhooks go; `PUT /api/config {webhookUrl}` sets or changes it while running (tests
   * start the orders service after the sandbox). @defaultValue none: sending is refused
   */
  webhookUrl?: string;
  /** HMAC key of `x-carrier-signature`. @defaultValue a random key */
  secret?: string;
  /** How long the carrier waits for a receiver's whole answer. @defaultValue 10000 */
  webhookTimeoutMs?: number;
}

export interface RunningCarrierSandbox extends RunningSandbox {
  /** The secret it started with. */
  secret: string;
}

const TRACKING_NUMBER = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A parcel carrier. `POST /api/shipments/{trackingNumber}/events {status, occurredAt?,
 * eventId?}` sends a signed webhook and answers with what was sent and what the receiver said
 * (200, or 502 when no answer came); the same eventId sends the same event again.
 * `GET`/`DELETE /api/webhooks` list and clear what was sent, `GET`/`PUT /api/config` read and
 * change `{webhookUrl, secret}`, and `GET /tracking/{trackingNumber}` is a tracking page.
 */
export async function startCarrierSandbox(
  options: CarrierSandboxOptions = {},
): Promise<RunningCarrierSandbox> {
  const config = {
    webhookUrl: options.webhookUrl,
    secret: options.secret ?? randomBytes(32).toString('hex'),
  };
  const timeoutMs = options.webhookTimeoutMs ?? 10_000;
  const log = new CarrierEventLog();

  const app = express();
  app.use(express.json());
  app.post('/api/shipments/:trackingNumber/events', async (req, res) => {
    const { trackingNumber } = req.params;
    const request = checkEventRequest(req.body);
    if (!TRACKING_NUMBER.test(trackingNumber)) {
      refuse(res, 400, 'INVALID_REQUEST', 'A tracking number is 1 to 64 letters, digits, - or _');
    } else if (!request.ok) {
      refuse(res, 400, 'INVALID_REQUEST', request.message);
    } else if (config.webhookUrl === undefined) {
      refuse(res, 409, 'NO_WEBHOOK_URL', 'Set one first: PUT /api/config {"webhookUrl": …}');
    } else {
      const event = log.eventFor(trackingNumber, request.value);
      if (event === 'conflict') {
        refuse(res, 409, 'EVENT_ID_REUSED', 'This eventId was sent for a different event');
        return;
      }
      const delivery = await sendCarrierWebhook(config.webhookUrl, config.secret, event, timeoutMs);
      log.record(delivery);
      res.status(delivery.response ? 200 : 502).json(delivery);
    }
  });
  app.get('/api/webhooks', (_req, res) => {
    res.json(log.listDeliveries());
  });
  app.delete('/api/webhooks', (_req, res) => {
    log.clear();
    res.status(204).end();
  });
  app.get('/api/config', (_req, res) => {
    res.json({ webhookUrl: config.webhookUrl ?? null });
  });
  app.put('/api/config', (req, res) => {
    const { webhookUrl, secret } = bodyRecord(req.body);
    if (webhookUrl !== undefined && !isHttpUrl(webhookUrl)) {
      refuse(res, 400, 'INVALID_REQUEST', 'webhookUrl must be an http(s) URL');
    } else if (secret !== undefined && (typeof secret !== 'string' || secret.length === 0)) {
      refuse(res, 400, 'INVALID_REQUEST', 'secret must be a non-empty string');
    } else {
      if (webhookUrl !== undefined) config.webhookUrl = webhookUrl;
      if (secret !== undefined) config.secret = secret;
      res.json({ webhookUrl: config.webhookUrl ?? null });
    }
  });
  app.get('/tracking/:trackingNumber', (req, res) => {
    const { trackingNumber } = req.params;
    res.type('html').send(renderTrackingPage(trackingNumber, log.eventsOf(trackingNumber)));
  });
  app.use(malformedJsonHandler('INVALID_REQUEST'));

  const server = await serveSandbox(app, options.port ?? 8028, options.host ?? '127.0.0.1');
  return { ...server, secret: config.secret };
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || !URL.canParse(value)) return false;
  return ['http:', 'https:'].includes(new URL(value).protocol);
}
