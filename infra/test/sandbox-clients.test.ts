import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findFreePort, startSandboxes, type RunningSandboxes } from '../src';
import { carrierSandbox, dataPlatform, pgSandbox } from '@shop/testing';

let sandboxes: RunningSandboxes;
let receiver: Server;
let receiverUrl = '';

beforeAll(async () => {
  sandboxes = await startSandboxes({
    pg: { port: 0, hangMs: 5_000 },
    carrier: { port: 0 },
    dataPlatform: { port: 0, apiKey: 'client-test-key' },
  });
  Object.assign(process.env, sandboxes.env);
  receiver = createServer((_req, res) => res.writeHead(202).end('queued'));
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/carrier`;
});
afterAll(async () => {
  await sandboxes.stop();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

function pgCall(path: string, body: object) {
  const key = Buffer.from(`${process.env['PG_SECRET_KEY']}:`).toString('base64');
  return fetch(`${process.env['PG_BASE_URL']}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Basic ${key}` },
    body: JSON.stringify(body),
  });
}

function sendEvent(id: string, type: string) {
  return fetch(`${process.env['DATA_PLATFORM_URL']}/v1/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${process.env['DATA_PLATFORM_API_KEY']}`,
    },
    body: JSON.stringify({ id, type }),
  });
}

describe('pgSandbox client', () => {
  it('tokenizes, lists, injects failures, changes the hang and clears', async () => {
    const token = await pgSandbox.tokenize(pgSandbox.cards.approves);
    expect(token).toMatch(/^tok_/);
    const paid = await pgCall('/v1/payments/confirm', { orderId: 'client-1', amount: 500, token });
    expect(paid.status).toBe(200);
    expect((await pgSandbox.list()).map((payment) => [payment.orderId, payment.status])).toEqual([
      ['client-1', 'DONE'],
    ]);
    await pgSandbox.failNext(1);
    expect((await pgCall('/v1/tokens', {})).status).toBe(500);
    await pgSandbox.setHangMs(250);
    const slowToken = await pgSandbox.tokenize(pgSandbox.cards.approvesAfterHang);
    const startedAt = Date.now();
    await pgCall('/v1/payments/confirm', { orderId: 'client-2', amount: 1, token: slowToken });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(250);
    await pgSandbox.clear();
    expect(await pgSandbox.list()).toEqual([]);
  });

  it('throws when the sandbox refuses a control call or a card', async () => {
    await expect(pgSandbox.setHangMs(-1)).rejects.toThrow(/answered 400/);
    await expect(pgSandbox.tokenize('4242424242424241')).rejects.toThrow(/INVALID_CARD_NUMBER/);
  });
});

describe('dataPlatform client', () => {
  it('lists by type, injects failures, keeps an outage up until lifted and clears', async () => {
    expect((await sendEvent('e1', 'orders.order.paid')).status).toBe(202);
    expect((await sendEvent('e2', 'orders.order.created')).status).toBe(202);
    const paid = await dataPlatform.list({ type: 'orders.order.paid' });
    expect(paid.map((delivery) => delivery.eventId)).toEqual(['e1']);
    await dataPlatform.failNext(1);
    expect((await sendEvent('e3', 'x')).status).toBe(503);
    await dataPlatform.setOutage(true);
    try {
      expect((await sendEvent('e3', 'x')).status).toBe(503);
      expect((await sendEvent('e3', 'x')).status).toBe(503);
    } finally {
      await dataPlatform.setOutage(false);
    }
    expect((await sendEvent('e3', 'x')).status).toBe(202);
    expect((await dataPlatform.list()).map((delivery) => delivery.eventId)).toEqual([
      'e3',
      'e2',
      'e1',
    ]);
    await dataPlatform.clear();
    expect(await dataPlatform.list()).toEqual([]);
  });
});

describe('carrierSandbox client', () => {
  it('configures the receiver, sends and replays events, lists and clears', async () => {
    await carrierSandbox.configure(receiverUrl, 'client-secret');
    const sent = await carrierSandbox.sendEvent('CJ42', 'DELIVERED', { eventId: 'evt-42' });
    expect([sent.response?.status, sent.response?.body, sent.event.eventId]).toEqual([
      202,
      'queued',
      'evt-42',
    ]);
    const replay = await carrierSandbox.sendEvent('CJ42', 'DELIVERED', { eventId: 'evt-42' });
    expect(replay.request.body).toBe(sent.request.body);
    expect(await carrierSandbox.listWebhooks()).toEqual([replay, sent]);
    await expect(
      carrierSandbox.sendEvent('CJ42', 'IN_TRANSIT', { eventId: 'evt-42' }),
    ).rejects.toThrow(/EVENT_ID_REUSED/);
    await carrierSandbox.clear();
    expect(await carrierSandbox.listWebhooks()).toEqual([]);
  });

  it('returns a delivery that got no answer instead of throwing', async () => {
    await carrierSandbox.configure(`http://127.0.0.1:${await findFreePort()}/webhooks/carrier`);
    const unanswered = await carrierSandbox.sendEvent('CJ43', 'IN_TRANSIT');
    expect([unanswered.response, unanswered.error]).toEqual([null, 'ECONNREFUSED']);
  });
});
