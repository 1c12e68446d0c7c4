import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findFreePort } from '../src/servers/free-port';
import { startCarrierSandbox, type RunningCarrierSandbox } from '../src/sandboxes/carrier-sandbox';
import { type CarrierWebhookDelivery } from '@shop/testing';

interface Received {
  headers: IncomingHttpHeaders;
  rawBody: string;
}

/** A webhook receiver like the orders service will be: it records what came and answers. */
class TestReceiver {
  readonly received: Received[] = [];
  answer: { status: number; body: string } | 'never' = { status: 200, body: 'ok' };
  private server: Server | undefined;
  url = '';

  async start() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        this.received.push({ headers: req.headers, rawBody: Buffer.concat(chunks).toString() });
        if (this.answer !== 'never') res.writeHead(this.answer.status).end(this.answer.body);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhooks/carrier`;
  }

  async stop() {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

const SECRET = 'carrier-test-secret';
let carrier: RunningCarrierSandbox;
let receiver: TestReceiver;

beforeEach(async () => {
  receiver = new TestReceiver();
  await receiver.start();
  carrier = await startCarrierSandbox({ port: 0, webhookUrl: receiver.url, secret: SECRET });
});
afterEach(async () => {
  await carrier.stop();
  await receiver.stop();
});

async function sendEvent(trackingNumber: string, body: object) {
  const response = await fetch(`${carrier.url}/api/shipments/${trackingNumber}/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as CarrierWebhookDelivery };
}

async function sentWebhooks(): Promise<CarrierWebhookDelivery[]> {
  return (await (await fetch(`${carrier.url}/api/webhooks`)).json()) as CarrierWebhookDelivery[];
}

const hmacHex = (secret: string, text: string) =>
  createHmac('sha256', secret).update(text).digest('hex');

describe('carrier sandbox: webhooks', () => {
  it('sends a webhook whose signature the receiver can verify with the shared secret', async () => {
    const occurredAt = '2030-05-01T09:30:00.000Z';
    const sent = await sendEvent('CJ1234567890', { status: 'IN_TRANSIT', occurredAt });
    expect(sent.status).toBe(200);

    expect(receiver.received).toHaveLength(1);
    const [{ headers, rawBody }] = receiver.received as [Received];
    const timestamp = Number(headers['x-carrier-timestamp']);
    expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(5);
    expect(headers['x-carrier-signature']).toBe(hmacHex(SECRET, `${timestamp}.${rawBody}`));
    expect(headers['content-type']).toBe('application/json');
    expect(JSON.parse(rawBody)).toEqual({
      eventId: sent.body.event.eventId,
      trackingNumber: 'CJ1234567890',
      status: 'IN_TRANSIT',
      occurredAt,
    });
    expect(sent.body.event.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent.body).toMatchObject({
      url: receiver.url,
      request: { body: rawBody },
      response: { status: 200, body: 'ok', truncated: false },
      error: null,
    });
    expect(await sentWebhooks()).toEqual([sent.body]);
  });

  it('resends the same event for the same eventId and refuses it for another event', async () => {
    const first = await sendEvent('HJ1', { status: 'DELIVERED', eventId: 'evt-delivered-1' });
    const replay = await sendEvent('HJ1', { status: 'DELIVERED', eventId: 'evt-delivered-1' });
    expect([first.status, replay.status]).toEqual([200, 200]);
    expect(replay.body.event).toEqual(first.body.event);
    expect(receiver.received.map((received) => JSON.parse(received.rawBody))).toEqual([
      first.body.event,
      first.body.event,
    ]);
    const misuse = await sendEvent('HJ1', { status: 'IN_TRANSIT', eventId: 'evt-delivered-1' });
    expect([misuse.status, (misuse.body as unknown as { code: string }).code]).toEqual([
      409,
      'EVENT_ID_REUSED',
    ]);
    expect((await sentWebhooks()).map((delivery) => delivery.id)).toEqual([
      replay.body.id,
      first.body.id,
    ]);
    const fresh = await sendEvent('HJ1', { status: 'DELIVERED' });
    expect(fresh.body.event.eventId).not.toBe('evt-delivered-1');
  });

  it('records the receiver’s status and body', async () => {
    receiver.answer = { status: 401, body: '{"error":"bad signature"}' };
    const sent = await sendEvent('LT1', { status: 'OUT_FOR_DELIVERY' });
    expect(sent.status).toBe(200);
    expect(sent.body.response).toEqual({
      status: 401,
      body: '{"error":"bad signature"}',
      truncated: false,
    });
    expect((await sentWebhooks())[0]?.response?.status).toBe(401);
  });

  it('keeps at most 64 KiB of a receiver’s answer', async () => {
    receiver.answer = { status: 200, body: 'a'.repeat(64 * 1024) };
    const exact = await sendEvent('PO1', { status: 'IN_TRANSIT' });
    expect([exact.body.response?.body.length, exact.body.response?.truncated]).toEqual([
      65_536,
      false,
    ]);
    receiver.answer = { status: 200, body: 'b'.repeat(300 * 1024) };
    const big = await sendEvent('PO1', { status: 'DELIVERED' });
    expect([big.body.response?.body.length, big.body.response?.truncated]).toEqual([65_536, true]);
  });

  it('answers 502 with the reason when the receiver is unreachable', async () => {
    const closedPort = await findFreePort();
    await configure({ webhookUrl: `http://127.0.0.1:${closedPort}/webhooks/carrier` });
    const sent = await sendEvent('LG1', { status: 'IN_TRANSIT' });
    expect([sent.status, sent.body.response, sent.body.error]).toEqual([502, null, 'ECONNREFUSED']);
  });

  it('gives up on a receiver that does not answer in time', async () => {
    const impatient = await startCarrierSandbox({
      port: 0,
      webhookUrl: receiver.url,
      webhookTimeoutMs: 300,
    });
    try {
      receiver.answer = 'never';
      const startedAt = Date.now();
      const response = await fetch(`${impatient.url}/api/shipments/LG2/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status: 'IN_TRANSIT' }),
      });
      const delivery = (await response.json()) as CarrierWebhookDelivery;
      expect(Date.now() - startedAt).toBeLessThan(2_000);
      expect([response.status, delivery.response, delivery.error]).toEqual([
        502,
        null,
        'no complete answer within 300 ms',
      ]);
    } finally {
      await impatient.stop();
    }
  });
});

async function configure(body: object) {
  const response = await fetch(`${carrier.url}/api/config`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('carrier sandbox: configuration and tracking page', () => {
  it('refuses to send before a webhook URL is set, then signs with the new secret', async () => {
    const unset = await startCarrierSandbox({ port: 0 });
    try {
      const put = (body: object) =>
        fetch(`${unset.url}/api/config`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const send = () =>
        fetch(`${unset.url}/api/shipments/CJ9/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ status: 'DELIVERED' }),
        });
      const refused = await send();
      expect([refused.status, ((await refused.json()) as { code: string }).code]).toEqual([
        409,
        'NO_WEBHOOK_URL',
      ]);
      expect((await put({ webhookUrl: 'ftp://example.com' })).status).toBe(400);
      expect((await put({ secret: '' })).status).toBe(400);
      const changed = await put({ webhookUrl: receiver.url, secret: 'rotated' });
      expect(await changed.json()).toEqual({ webhookUrl: receiver.url });
      expect((await send()).status).toBe(200);
      const [{ headers, rawBody }] = receiver.received as [Received];
      const signed = `${String(headers['x-carrier-timestamp'])}.${rawBody}`;
      expect(headers['x-carrier-signature']).toBe(hmacHex('rotated', signed));
    } finally {
      await unset.stop();
    }
  });

  it('refuses an unknown status, a bad occurredAt and a bad tracking number', async () => {
    for (const [trackingNumber, body] of [
      ['CJ1', { status: 'LOST' }],
      ['CJ1', { status: 'DELIVERED', occurredAt: 'yesterday' }],
      ['CJ1', { status: 'DELIVERED', eventId: '' }],
      ['a.b', { status: 'DELIVERED' }],
    ] as const) {
      const refused = await sendEvent(trackingNumber, body);
      expect(refused.status).toBe(400);
    }
    expect(receiver.received).toEqual([]);
  });

  it('shows the parcel’s events in the order they happened on its tracking page', async () => {
    await sendEvent('CJ777', { status: 'DELIVERED', occurredAt: '2030-05-02T10:00:00Z' });
    await sendEvent('CJ777', { status: 'IN_TRANSIT', occurredAt: '2030-05-01T08:00:00Z' });
    await sendEvent('CJ888', { status: 'IN_TRANSIT', occurredAt: '2030-05-01T09:00:00Z' });
    const page = await fetch(`${carrier.url}/tracking/CJ777`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<h1>Parcel CJ777</h1>');
    expect([...html.matchAll(/<li>.*<\/li>/g)].map(([line]) => line)).toEqual([
      '<li><time datetime="2030-05-01T08:00:00.000Z">2030-05-01T08:00:00.000Z</time> In transit</li>',
      '<li><time datetime="2030-05-02T10:00:00.000Z">2030-05-02T10:00:00.000Z</time> Delivered</li>',
    ]);
    const unknown = await (await fetch(`${carrier.url}/tracking/%3Cb%3E`)).text();
    expect(unknown).toContain('<h1>Parcel &lt;b&gt;</h1>');
    expect(unknown).toContain('No scan events yet.');
  });

  it('clears what it sent', async () => {
    await sendEvent('CJ1', { status: 'IN_TRANSIT' });
    expect((await fetch(`${carrier.url}/api/webhooks`, { method: 'DELETE' })).status).toBe(204);
    expect(await sentWebhooks()).toEqual([]);
    expect(await (await fetch(`${carrier.url}/tracking/CJ1`)).text()).toContain('No scan events');
  });
});
