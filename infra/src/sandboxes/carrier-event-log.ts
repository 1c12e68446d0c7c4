import { randomUUID } from 'node:crypto';
import { bodyRecord } from './sandbox-http';
import {
  CARRIER_STATUSES,
  type CarrierEvent,
  type CarrierStatus,
  type CarrierWebhookDelivery,
} from '@shop/testing';

/** What the test API asks the carrier to send. */
export interface EventRequest {
  status: CarrierStatus;
  occurredAt?: string;
  eventId?: string;
}

export type EventRequestCheck = { ok: true; value: EventRequest } | { ok: false; message: string };

/**
 * The carrier's memory: every event by id (so an event id can be sent again, exactly as
 * before) and the webhooks sent, newest first, bounded like the sinks' stores.
 */
export class CarrierEventLog {
  private events = new Map<string, CarrierEvent>();
  private deliveries: CarrierWebhookDelivery[] = [];

  constructor(private readonly capacity = 5_000) {}

  /**
   * The event to send: a new one, or the stored one when its id was sent before. Reusing an
   * id for a different parcel, status or time is refused: it would not be a replay.
   */
  eventFor(trackingNumber: string, request: EventRequest): CarrierEvent | 'conflict' {
    const stored = request.eventId ? this.events.get(request.eventId) : undefined;
    if (stored) {
      const same =
        stored.trackingNumber === trackingNumber &&
        stored.status === request.status &&
        (request.occurredAt === undefined || stored.occurredAt === request.occurredAt);
      return same ? stored : 'conflict';
    }
    const event: CarrierEvent = {
      eventId: request.eventId ?? randomUUID(),
      trackingNumber,
      status: request.status,
      occurredAt: request.occurredAt ?? new Date().toISOString(),
    };
    this.events.set(event.eventId, event);
    return event;
  }

  record(delivery: CarrierWebhookDelivery): void {
    this.deliveries.unshift(delivery);
    this.deliveries.length = Math.min(this.deliveries.length, this.capacity);
  }

  /** Newest first. */
  listDeliveries(): CarrierWebhookDelivery[] {
    return [...this.deliveries];
  }

  /** The events of one parcel in the order they happened. */
  eventsOf(trackingNumber: string): CarrierEvent[] {
    return [...this.events.values()]
      .filter((event) => event.trackingNumber === trackingNumber)
      .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  }

  clear(): void {
    this.events = new Map();
    this.deliveries = [];
  }
}

export function checkEventRequest(body: unknown): EventRequestCheck {
  const { status, occurredAt, eventId } = bodyRecord(body);
  if (!CARRIER_STATUSES.includes(status as CarrierStatus)) {
    return { ok: false, message: `status must be one of ${CARRIER_STATUSES.join(', ')}` };
  }
  const request: EventRequest = { status: status as CarrierStatus };
  if (occurredAt !== undefined) {
    const time = typeof occurredAt === 'string' ? Date.parse(occurredAt) : Number.NaN;
    if (Number.isNaN(time)) return { ok: false, message: 'occurredAt must be an ISO date-time' };
    request.occurredAt = new Date(time).toISOString();
  }
  if (eventId !== undefined) {
    if (typeof eventId !== 'string' || eventId.length === 0 || eventId.length > 200) {
      return { ok: false, message: 'eventId must be a string of 1 to 200 characters' };
    }
    request.eventId = eventId;
  }
  return { ok: true, value: request };
}
