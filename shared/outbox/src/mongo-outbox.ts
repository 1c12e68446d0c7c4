import { Schema, type FilterQuery, type Model, type Types } from 'mongoose';
import type { OutboxEvent } from './outbox-event';
import type { OutboxSource, PendingEvent } from './outbox-relay';

/** A document that carries its own outbox: events written in the same update as the change. */
export interface WithOutbox {
  outbox?: OutboxEvent[];
}

/**
 * The `outbox` field to add to a mongoose schema. Because the events live in the document they
 * describe, `$push: { outbox: event }` in the same `updateOne` as the state change is one
 * atomic write: there is no moment where the change is saved and the event is not, which is
 * what a transactional outbox needs, without multi-document transactions.
 */
export const outboxField = {
  type: [
    new Schema<OutboxEvent>(
      {
        id: { type: String, required: true },
        type: { type: String, required: true },
        payload: { type: Schema.Types.Mixed, required: true },
        occurredAt: { type: Date, required: true },
      },
      { _id: false },
    ),
  ],
  default: undefined,
};

/** Declares the index the relay's scan uses; call on every schema that has an outbox. */
export function indexOutbox(schema: Schema): void {
  schema.index({ 'outbox.id': 1 }, { sparse: true });
}

/**
 * Reads pending events from every document of `model` that has some, oldest document first;
 * acknowledging an event pulls it from its document.
 */
export function mongoOutboxSource<T extends WithOutbox & { _id: Types.ObjectId }>(
  model: Model<T>,
): OutboxSource {
  return {
    name: `mongo:${model.collection.collectionName}`,
    async fetch(limit) {
      const documents = await model
        .find({ 'outbox.id': { $exists: true } } as FilterQuery<T>, { outbox: 1 })
        .limit(limit)
        .lean<Array<{ _id: Types.ObjectId; outbox?: OutboxEvent[] }>>();
      return documents.flatMap((document) =>
        (document.outbox ?? []).map((event): PendingEvent => ({
          event,
          ack: async () => {
            await model.updateOne({ _id: document._id }, { $pull: { outbox: { id: event.id } } });
          },
        })),
      );
    },
  };
}
