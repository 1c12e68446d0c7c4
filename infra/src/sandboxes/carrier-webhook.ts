import { createHmac, randomUUID } from 'node:crypto';
import { type CarrierEvent, type CarrierWebhookDelivery } from '@shop/testing';

/** Receivers answer a status, not a document: the carrier keeps at most this much of a body. */
export const MAX_RESPONSE_BODY_BYTES = 64 * 1024;

/** Hex HMAC-SHA256 of `${timestamp}.${rawBody}`: the `x-carrier-signature` header. */
export function signCarrierWebhook(secret: string, timestamp: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
}

/** POSTs one signed event to `url` and records the answer; never throws. */
export async function sendCarrierWebhook(
  url: string,
  secret: string,
  event: CarrierEvent,
  timeoutMs: number,
): Promise<CarrierWebhookDelivery> {
  const body = JSON.stringify({
    eventId: event.eventId,
    trackingNumber: event.trackingNumber,
    status: event.status,
    occurredAt: event.occurredAt,
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': 'application/json',
    'x-carrier-timestamp': String(timestamp),
    'x-carrier-signature': signCarrierWebhook(secret, timestamp, body),
  };
  const startedAt = Date.now();
  const delivery = {
    id: randomUUID(),
    sentAt: new Date(startedAt).toISOString(),
    url,
    event,
    request: { headers, body },
  };
  const signal = AbortSignal.timeout(timeoutMs);
  let status: number | undefined;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      signal,
      redirect: 'manual',
    });
    status = response.status;
    const read = await readCapped(response.body, MAX_RESPONSE_BODY_BYTES);
    const answer = { status, body: read.text, truncated: read.truncated };
    return { ...delivery, response: answer, error: null, durationMs: Date.now() - startedAt };
  } catch (error) {
    const reason = signal.aborted ? `no complete answer within ${timeoutMs} ms` : describe(error);
    const answer = status === undefined ? null : { status, body: '', truncated: false };
    return { ...delivery, response: answer, error: reason, durationMs: Date.now() - startedAt };
  }
}

/** Reads at most `limit` bytes and stops the transfer there. */
async function readCapped(body: ReadableStream<Uint8Array> | null, limit: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  if (!body) return { text: '', truncated: false };
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: Buffer.concat(chunks).toString('utf8'), truncated: false };
    if (size + value.byteLength > limit) {
      chunks.push(Buffer.from(value.subarray(0, limit - size)));
      await reader.cancel();
      return { text: Buffer.concat(chunks).toString('utf8'), truncated: true };
    }
    chunks.push(Buffer.from(value));
    size += value.byteLength;
  }
}

/** fetch wraps the network error (ECONNREFUSED …) in `cause`; that is the useful part. */
function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}
