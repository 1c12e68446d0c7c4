import {
  startDataPlatformSink,
  type RunningDataPlatformSink,
} from '../src/sandboxes/data-platform-sink';
import { type DataPlatformDelivery } from '@shop/testing';

let sink: RunningDataPlatformSink;
afterEach(() => sink.stop());

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${sink.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function deliveries(query = ''): Promise<DataPlatformDelivery[]> {
  return (await (await fetch(`${sink.url}/api/events${query}`)).json()) as DataPlatformDelivery[];
}

const paid = { id: 'evt-1', type: 'orders.order.paid', data: { orderId: 'o1', amount: 9000 } };
const created = { id: 'evt-2', type: 'orders.order.created', data: { orderId: 'o1' } };

describe('data platform sink', () => {
  it('accepts events with 202 and flags a repeated event id as a duplicate', async () => {
    sink = await startDataPlatformSink({ port: 0 });
    const first = await post('/v1/events', paid);
    expect([first.status, await first.json()]).toEqual([202, { accepted: true }]);
    expect((await post('/v1/events', created)).status).toBe(202);
    expect((await post('/v1/events', paid)).status).toBe(202);

    const recorded = await deliveries();
    expect(recorded.map(({ eventId, type, duplicate }) => ({ eventId, type, duplicate }))).toEqual([
      { eventId: 'evt-1', type: 'orders.order.paid', duplicate: true },
      { eventId: 'evt-2', type: 'orders.order.created', duplicate: false },
      { eventId: 'evt-1', type: 'orders.order.paid', duplicate: false },
    ]);
    expect(recorded[0]).toEqual({
      id: expect.any(String),
      receivedAt: expect.any(String),
      eventId: 'evt-1',
      type: 'orders.order.paid',
      duplicate: true,
      event: paid,
    });
    expect((await deliveries('?type=orders.order.created')).map((d) => d.eventId)).toEqual([
      'evt-2',
    ]);
  });

  it('refuses events without string id and type, and bodies that are not JSON', async () => {
    sink = await startDataPlatformSink({ port: 0 });
    for (const body of [{ type: 'x' }, { id: 1, type: 'x' }, { id: 'a' }, [paid], '{"id":']) {
      const response = await post('/v1/events', body);
      expect([response.status, ((await response.json()) as { code: string }).code]).toEqual([
        400,
        'INVALID_EVENT',
      ]);
    }
    expect(await deliveries()).toEqual([]);
  });

  it('answers the next n deliveries with 503 and records none of them', async () => {
    sink = await startDataPlatformSink({ port: 0 });
    const injected = await post('/api/failures', { count: 2 });
    expect(await injected.json()).toEqual({ failuresToInject: 2 });
    expect((await post('/v1/events', paid)).status).toBe(503);
    expect((await post('/v1/events', paid)).status).toBe(503);
    expect((await post('/v1/events', paid)).status).toBe(202);
    expect((await deliveries()).map((d) => d.duplicate)).toEqual([false]);
  });

  it('stays down during an outage until it is lifted', async () => {
    sink = await startDataPlatformSink({ port: 0 });
    expect(await (await post('/api/outage', { down: true })).json()).toEqual({ down: true });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await post('/v1/events', paid)).status).toBe(503);
    }
    expect(await deliveries()).toEqual([]);
    expect(await (await post('/api/outage', { down: false })).json()).toEqual({ down: false });
    expect((await post('/v1/events', paid)).status).toBe(202);
    expect((await post('/api/outage', { down: 'yes' })).status).toBe(400);
  });

  it('requires the bearer API key when one is configured', async () => {
    sink = await startDataPlatformSink({ port: 0, apiKey: 'dp-test-key' });
    expect((await post('/v1/events', paid)).status).toBe(401);
    expect((await post('/v1/events', paid, { authorization: 'Bearer other' })).status).toBe(401);
    expect((await post('/v1/events', paid, { authorization: 'Bearer dp-test-key' })).status).toBe(
      202,
    );
    expect((await deliveries()).map((d) => d.eventId)).toEqual(['evt-1']);
  });

  it('forgets deliveries and seen ids when cleared', async () => {
    sink = await startDataPlatformSink({ port: 0 });
    await post('/v1/events', paid);
    expect((await fetch(`${sink.url}/api/events`, { method: 'DELETE' })).status).toBe(204);
    expect(await deliveries()).toEqual([]);
    await post('/v1/events', paid);
    expect((await deliveries()).map((d) => d.duplicate)).toEqual([false]);
  });
});
