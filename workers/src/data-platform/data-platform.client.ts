import { UnrecoverableError } from 'bullmq';
import { toEventJob, type DomainEvent } from '@shop/events';

export interface DataPlatformClientOptions {
  /** The platform's base URL; events go to `POST <url>/v1/events`. */
  url: string;
  /** Sent as `Authorization: Bearer <apiKey>` when set. */
  apiKey?: string | undefined;
  timeoutMs: number;
}

/** Marks failures no retry can fix, so the redrive leaves them alone. */
export const PERMANENT_FAILURE = 'permanent:';

/**
 * The outside analytics platform's ingestion API: one event per POST, as its envelope (id,
 * type, version, occurredAt, payload). A 4xx other than 408 and 429 refuses the event for good
 * (UnrecoverableError); anything else (5xx, timeouts, refused connections) is worth a retry.
 */
export class DataPlatformClient {
  constructor(private readonly options: DataPlatformClientOptions) {}

  async send(event: DomainEvent): Promise<void> {
    const response = await fetch(new URL('/v1/events', this.options.url), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
      },
      body: JSON.stringify(toEventJob(event)),
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    if (response.ok) return;
    const detail = `${response.status} ${(await response.text()).slice(0, 200)}`;
    if (response.status >= 400 && response.status < 500 && ![408, 429].includes(response.status)) {
      throw new UnrecoverableError(
        `${PERMANENT_FAILURE} the data platform refused the event: ${detail}`,
      );
    }
    throw new Error(`the data platform did not take the event: ${detail}`);
  }
}
