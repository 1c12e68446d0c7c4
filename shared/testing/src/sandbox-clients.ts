import {
  PG_TEST_CARDS,
  type CarrierStatus,
  type CarrierWebhookDelivery,
  type DataPlatformDelivery,
  type PgPayment,
} from './sandbox-wire';

function sandboxUrl(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the test through jest's integration preset`);
  return value;
}

/** Control calls must work; a refusal means the test itself is wrong, so it throws. */
async function request(url: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
  if (!response.ok) {
    throw new Error(
      `${init.method ?? 'GET'} ${url} answered ${response.status}: ${await response.text()}`,
    );
  }
  return response;
}

async function json<T>(url: string, init?: RequestInit): Promise<T> {
  return (await (await request(url, init)).json()) as T;
}

const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });
const put = (body: unknown): RequestInit => ({ method: 'PUT', body: JSON.stringify(body) });
const pgUrl = () => sandboxUrl('PG_BASE_URL');
const dataPlatformUrl = () => sandboxUrl('DATA_PLATFORM_URL');
const carrierUrl = () => sandboxUrl('CARRIER_SANDBOX_URL');

/** The PG sandbox started by the global setup. */
export const pgSandbox = {
  /** Card numbers with a scripted outcome; any other valid card approves. */
  cards: PG_TEST_CARDS,
  /** Newest first. */
  list: () => json<PgPayment[]>(`${pgUrl()}/api/payments`),
  async clear(): Promise<void> {
    await request(`${pgUrl()}/api/payments`, { method: 'DELETE' });
  },
  /** The next `count` `/v1` calls answer 500 `PROVIDER_ERROR` and change nothing. */
  async failNext(count: number): Promise<void> {
    await request(`${pgUrl()}/api/failures`, post({ count }));
  },
  /** How long the hanging card holds its answer (30 s unless changed). */
  async setHangMs(hangMs: number): Promise<void> {
    await request(`${pgUrl()}/api/config`, put({ hangMs }));
  },
  /** A card token, as a storefront would get it; expires at the end of next year by default. */
  async tokenize(cardNumber: string, card: { expiry?: string; cvc?: string } = {}) {
    const nextYear = String((new Date().getUTCFullYear() + 1) % 100).padStart(2, '0');
    const secretKey = sandboxUrl('PG_SECRET_KEY');
    const { token } = await json<{ token: string }>(`${pgUrl()}/v1/tokens`, {
      ...post({ cardNumber, expiry: card.expiry ?? `12/${nextYear}`, cvc: card.cvc ?? '123' }),
      headers: { authorization: `Basic ${Buffer.from(`${secretKey}:`).toString('base64')}` },
    });
    return token;
  },
};

/** The data platform sink started by the global setup. */
export const dataPlatform = {
  /** Every accepted delivery, newest first, duplicates flagged. */
  list(filter: { type?: string } = {}): Promise<DataPlatformDelivery[]> {
    const query = filter.type ? `?type=${encodeURIComponent(filter.type)}` : '';
    return json<DataPlatformDelivery[]>(`${dataPlatformUrl()}/api/events${query}`);
  },
  async clear(): Promise<void> {
    await request(`${dataPlatformUrl()}/api/events`, { method: 'DELETE' });
  },
  /** The next `count` deliveries answer 503. */
  async failNext(count: number): Promise<void> {
    await request(`${dataPlatformUrl()}/api/failures`, post({ count }));
  },
  /** While down, every delivery answers 503; remember to lift it in `finally`. */
  async setOutage(down: boolean): Promise<void> {
    await request(`${dataPlatformUrl()}/api/outage`, post({ down }));
  },
};

/** The carrier sandbox started by the global setup. */
export const carrierSandbox = {
  /**
   * Makes the carrier send a signed webhook and resolves with what was sent and answered
   * (`response` is null when the receiver could not be reached). The same `eventId` resends
   * the same event.
   */
  async sendEvent(
    trackingNumber: string,
    status: CarrierStatus,
    options: { occurredAt?: string; eventId?: string } = {},
  ): Promise<CarrierWebhookDelivery> {
    const url = `${carrierUrl()}/api/shipments/${encodeURIComponent(trackingNumber)}/events`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status, ...options }),
    });
    // 502 is a delivery that got no answer: still a result for the test to look at.
    if (!response.ok && response.status !== 502) {
      throw new Error(`The carrier refused to send: ${response.status} ${await response.text()}`);
    }
    return (await response.json()) as CarrierWebhookDelivery;
  },
  /** Newest first. */
  listWebhooks: () => json<CarrierWebhookDelivery[]>(`${carrierUrl()}/api/webhooks`),
  async clear(): Promise<void> {
    await request(`${carrierUrl()}/api/webhooks`, { method: 'DELETE' });
  },
  /** Points the carrier at a receiver (the orders service under test), maybe with a new secret. */
  async configure(webhookUrl: string, secret?: string): Promise<void> {
    await request(`${carrierUrl()}/api/config`, put({ webhookUrl, ...(secret ? { secret } : {}) }));
  },
};
