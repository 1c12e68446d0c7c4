import {
  deliveryUpdated,
  orderDelivered,
  orderShipped,
  orderStatusChanged,
  type OrderStatusChangedPayload,
} from '@shop/contracts';
import type { DomainEvent, EventDefinition } from '@shop/events';

export const WEBHOOK_EVENTS = [
  'ORDER_PAID',
  'ORDER_SHIPPED',
  'DELIVERY_UPDATED',
  'ORDER_DELIVERED',
  'ORDER_CANCELLED',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The `data` of a delivery: ids, number, status, parcel and dates; never a name or address. */
export interface WebhookData {
  orderId: string;
  orderNumber: string;
  status: string;
  carrier?: string;
  trackingNumber?: string;
  estimatedDeliveryAt?: string;
  deliveredAt?: string;
  sequence: number;
}

/** What one order event becomes for partners: which subscription event, and the body's parts. */
export interface WebhookMessage {
  event: WebhookEvent;
  type: string;
  timestamp: string;
  data: WebhookData;
}

/** The order events the fan-out listens to. */
export const FANNED_OUT_EVENTS: readonly EventDefinition[] = [
  orderStatusChanged,
  orderShipped,
  deliveryUpdated,
  orderDelivered,
];

const STATUS_EVENTS: Partial<Record<OrderStatusChangedPayload['to'], WebhookEvent>> = {
  PAID: 'ORDER_PAID',
  CANCELLED: 'ORDER_CANCELLED',
  PARTIALLY_CANCELLED: 'ORDER_CANCELLED',
};

const TYPES: Record<WebhookEvent, string> = {
  ORDER_PAID: 'order.paid',
  ORDER_SHIPPED: 'order.shipped',
  DELIVERY_UPDATED: 'delivery.updated',
  ORDER_DELIVERED: 'order.delivered',
  ORDER_CANCELLED: 'order.cancelled',
};

function message(event: WebhookEvent, occurredAt: Date, data: WebhookData): WebhookMessage {
  return { event, type: TYPES[event], timestamp: occurredAt.toISOString(), data };
}

/**
 * The partner message of an order event, or null when partners are not told of it. Fields are
 * picked one by one (never spread) so personal data added to an event later cannot leak out.
 * `sequence` comes from the event; a status change written before sequences existed gets
 * `fallbackSequence`.
 */
export function webhookMessageOf(
  event: DomainEvent,
  fallbackSequence: (payload: OrderStatusChangedPayload) => number,
): WebhookMessage | null {
  const at = new Date(event.occurredAt);
  if (event.type === orderStatusChanged.type) {
    const p = orderStatusChanged.parse(event);
    const kind = STATUS_EVENTS[p.to];
    if (!kind) return null;
    const sequence = p.sequence ?? fallbackSequence(p);
    return message(kind, at, { orderId: p.orderId, orderNumber: p.number, status: p.to, sequence });
  }
  if (event.type === orderShipped.type) {
    const p = orderShipped.parse(event);
    return message('ORDER_SHIPPED', at, {
      ...ref(p, 'SHIPPED', p.sequence),
      ...parcel(p),
      estimatedDeliveryAt: p.estimatedDeliveryAt,
    });
  }
  if (event.type === deliveryUpdated.type) {
    const p = deliveryUpdated.parse(event);
    return message('DELIVERY_UPDATED', at, { ...ref(p, p.status, p.sequence), ...parcel(p) });
  }
  if (event.type === orderDelivered.type) {
    const p = orderDelivered.parse(event);
    return message('ORDER_DELIVERED', at, {
      ...ref(p, 'DELIVERED', p.sequence),
      ...parcel(p),
      deliveredAt: p.deliveredAt,
    });
  }
  return null;
}

function ref(p: { orderId: string; number: string }, status: string, sequence: number) {
  return { orderId: p.orderId, orderNumber: p.number, status, sequence };
}

function parcel(p: { carrier: string; trackingNumber: string }) {
  return { carrier: p.carrier, trackingNumber: p.trackingNumber };
}

/** The exact body sent (and signed): stored once, so every retry and replay sends the same bytes. */
export function webhookBody(message: { type: string; timestamp: string; data: object }): string {
  return JSON.stringify({ type: message.type, timestamp: message.timestamp, data: message.data });
}
