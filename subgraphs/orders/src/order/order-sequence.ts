import type { FilterQuery, UpdateQuery } from 'mongoose';
import { WITHOUT_OUTBOX, type DomainEvent } from '@shop/events';
import type { OrderDocument, OrderModel } from './order.model';

/** An event that carries the order's event counter: built once the number is known. */
export type SequencedEvent = (sequence: number) => DomainEvent;

export interface SequencedWrite {
  set?: Record<string, unknown>;
  push?: Record<string, unknown>;
  inc?: Record<string, number>;
  /** Numbered `eventSequence + 1`, `+ 2`… in this order. */
  sequenced: SequencedEvent[];
  /** Events without a sequence, written in the same update. */
  events?: DomainEvent[];
}

/** Attempts before giving up on an order whose counter keeps moving under us. */
const MAX_ATTEMPTS = 50;

/** The filter that matches the counter as read; an order written before counters had none. */
const counterIs = (sequence: number) => (sequence === 0 ? { $in: [0, null] } : sequence);

/**
 * Writes a change of one order and its events in one conditional update that also adds the
 * number of sequenced events to `eventSequence` (`$inc`), matched on the counter as read: so
 * the sequence numbers in the outbox are strictly increasing per order and never repeat, also
 * when two writers race (the loser reads the counter again and retries while `filter` still
 * holds). Returns the order after the write, or null once `filter` no longer matches.
 */
export async function writeSequenced(
  orders: OrderModel,
  filter: FilterQuery<OrderDocument>,
  write: SequencedWrite,
): Promise<OrderDocument | null> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const current = await orders.findOne(filter, { eventSequence: 1 }).lean<OrderDocument>();
    if (!current) return null;
    const sequence = current.eventSequence ?? 0;
    const events = write.sequenced.map((build, index) => build(sequence + index + 1));
    const update: UpdateQuery<OrderDocument> = {
      ...(write.set ? { $set: write.set } : {}),
      $inc: { ...write.inc, eventSequence: events.length },
      $push: { ...write.push, outbox: { $each: [...events, ...(write.events ?? [])] } },
    };
    const written = await orders
      .findOneAndUpdate({ ...filter, eventSequence: counterIs(sequence) }, update, {
        new: true,
        projection: WITHOUT_OUTBOX,
      })
      .lean<OrderDocument>();
    if (written) return written;
  }
  throw new Error('the order kept changing; its event could not be numbered');
}
