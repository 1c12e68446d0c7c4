import type { FilterQuery } from 'mongoose';
import type { Identity } from '@shop/auth';
import { orderStatusChanged } from '@shop/contracts';
import { AppError } from '@shop/errors';
import type { DomainEvent } from '@shop/events';
import type { OrderDocument, OrderModel, OrderStatus, StatusChange } from './order.model';
import { writeSequenced, type SequencedEvent } from './order-sequence';

export type { SequencedEvent } from './order-sequence';

/** Who changes an order: its buyer, staff, a seller of its products, or the system itself. */
export type ActorRole = 'BUYER' | 'AGENT' | 'ADMIN' | 'SELLER' | 'SYSTEM';

export interface Actor {
  role: ActorRole;
  /** What the history records: the user id, or `system`. */
  id: string;
}

export const SYSTEM: Actor = { role: 'SYSTEM', id: 'system' };

interface AllowedTransition {
  from: OrderStatus;
  to: OrderStatus;
  by: readonly ActorRole[];
}

const STAFF_OR_BUYER: readonly ActorRole[] = ['BUYER', 'AGENT', 'ADMIN'];
const FULFILMENT: readonly ActorRole[] = ['ADMIN', 'SELLER'];

/**
 * Every status change an order can make, and who may make it. The payment saga moves an
 * unpaid order (on the buyer's payOrder, or as SYSTEM when recovery finishes it); cancellation
 * is open to the buyer and staff until the parcel ships; fulfilment (a later issue) to ADMIN
 * and sellers; delivery comes from the carrier's webhook (SYSTEM) or an ADMIN.
 */
export const ORDER_TRANSITIONS: readonly AllowedTransition[] = [
  { from: 'PENDING_PAYMENT', to: 'PAID', by: ['BUYER', 'SYSTEM'] },
  { from: 'PENDING_PAYMENT', to: 'PAYMENT_FAILED', by: ['BUYER', 'SYSTEM'] },
  { from: 'PENDING_PAYMENT', to: 'CANCELLED', by: [...STAFF_OR_BUYER, 'SYSTEM'] },
  { from: 'PAID', to: 'PREPARING', by: FULFILMENT },
  { from: 'PAID', to: 'CANCELLED', by: STAFF_OR_BUYER },
  { from: 'PAID', to: 'PARTIALLY_CANCELLED', by: STAFF_OR_BUYER },
  { from: 'PARTIALLY_CANCELLED', to: 'PARTIALLY_CANCELLED', by: STAFF_OR_BUYER },
  { from: 'PARTIALLY_CANCELLED', to: 'CANCELLED', by: STAFF_OR_BUYER },
  { from: 'PARTIALLY_CANCELLED', to: 'PREPARING', by: FULFILMENT },
  { from: 'PREPARING', to: 'CANCELLED', by: STAFF_OR_BUYER },
  { from: 'PREPARING', to: 'PARTIALLY_CANCELLED', by: STAFF_OR_BUYER },
  { from: 'PREPARING', to: 'SHIPPED', by: FULFILMENT },
  { from: 'SHIPPED', to: 'DELIVERED', by: ['SYSTEM', 'ADMIN'] },
];

/** True when the table lets `role` move an order from `from` to `to`. */
export function canTransition(from: OrderStatus, to: OrderStatus, role: ActorRole): boolean {
  return ORDER_TRANSITIONS.some((t) => t.from === from && t.to === to && t.by.includes(role));
}

export function invalidTransition(from: OrderStatus, to: OrderStatus): AppError {
  return new AppError('INVALID_STATE_TRANSITION', `An order that is ${from} cannot become ${to}`, {
    from,
    to,
  });
}

/**
 * The role a signed-in user acts in on an order: its buyer first, then ADMIN or AGENT; null
 * for anyone else, who must not learn that the order exists. (Sellers act on orders of their
 * products: `fulfilment/fulfilment-actor.ts` checks that.)
 */
export function actorFor(identity: Identity, buyerId: string): Actor | null {
  if (identity.userId === buyerId) return { role: 'BUYER', id: identity.userId };
  if (identity.roles.includes('ADMIN')) return { role: 'ADMIN', id: identity.userId };
  if (identity.roles.includes('AGENT')) return { role: 'AGENT', id: identity.userId };
  return null;
}

export interface TransitionRequest {
  from: OrderStatus;
  to: OrderStatus;
  actor: Actor;
  reason: string | null;
  /** What else must hold, e.g. that the payment attempt deciding it is still the order's. */
  where?: FilterQuery<OrderDocument>;
  /** Fields changed with the status, e.g. the payment's outcome. */
  set?: Record<string, unknown>;
  /** Other `$push`es of the change, e.g. cancellation entries. */
  push?: Record<string, unknown>;
  /** Other `$inc`s of the change, e.g. the refunded amount. */
  inc?: Record<string, number>;
  /** Events of this change besides `orders.order.statusChanged`, e.g. `orders.order.paid`. */
  events?: DomainEvent[];
  /** Events that carry the order's `sequence` (fulfilment events), numbered after the change. */
  sequenced?: SequencedEvent[];
  at?: Date;
}

/**
 * Moves an order from one status to another in one conditional update on `{_id, status: from}`
 * (and `where`): the status, the history entry, the fields in `set` and the events in the
 * outbox are written together or not at all, and the order's `eventSequence` grows by the
 * number of sequenced events in the same write. Returns the order after the change, or null when
 * the order was no longer as required (another request or the recovery loop got there first).
 * @throws INVALID_STATE_TRANSITION when the table does not allow the change to the actor.
 */
export async function transition(
  orders: OrderModel,
  order: Pick<OrderDocument, '_id' | 'number' | 'buyerId'>,
  request: TransitionRequest,
): Promise<OrderDocument | null> {
  const { from, to, actor, reason } = request;
  if (!canTransition(from, to, actor.role)) throw invalidTransition(from, to);
  const at = request.at ?? new Date();
  const change: StatusChange = { status: to, at, by: actor.id, reason };
  const changed: SequencedEvent = (sequence) =>
    orderStatusChanged.create(
      {
        orderId: order._id.toHexString(),
        number: order.number,
        buyerId: order.buyerId,
        from,
        to,
        by: actor.id,
        reason,
        at: at.toISOString(),
        sequence,
      },
      at,
    );
  return writeSequenced(
    orders,
    { ...request.where, _id: order._id, status: from },
    {
      set: { ...request.set, status: to },
      push: { ...request.push, history: change },
      ...(request.inc ? { inc: request.inc } : {}),
      sequenced: [changed, ...(request.sequenced ?? [])],
      events: request.events ?? [],
    },
  );
}
