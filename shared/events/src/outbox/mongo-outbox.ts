import { Schema, type FilterQuery, type Model, type Types } from 'mongoose';
import type { DomainEvent } from '../domain-event';
import type { OutboxSource } from './outbox-source';

/** A document that carries its own outbox: events written in the same update as the change. */
export interface WithOutbox {
  outbox?: DomainEvent[];
}

const outboxEventSchema = new Schema<DomainEvent>(
  {
    id: { type: String, required: true },
    type: { type: String, required: true },
    version: { type: Number, required: true, default: 1 },
    payload: { type: Schema.Types.Mixed, required: true },
    occurredAt: { type: Date, required: true },
  },
  { _id: false },
);

/**
 * Adds an `outbox` array to a mongoose schema, with the index the relay's scan uses. Because the
 * events live in the document they describe, `$push: { outbox: event }` in the same `updateOne`
 * as the state change is one atomic write: there is no moment where the change is saved and
 * the event is not, which is what a transactional outbox needs, without multi-document
 * transactions.
 */
export function withOutbox<T>(schema: Schema<T>): Schema<T> {
  // The document type already declares `outbox` (WithOutbox); mongoose's typing of `add` does not see it.
  (schema as unknown as Schema).add({ outbox: { type: [outboxEventSchema], default: undefined } });
  schema.index({ 'outbox.id': 1 }, { sparse: true });
  return schema;
}

/** Fields a read that serves clients never needs. */
export const WITHOUT_OUTBOX = { outbox: 0 } as const;

/**
 * Reads pending events from the documents of `model` that have some; acknowledging pulls every
 * relayed event from its document in one bulk write.
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
        .lean<Array<{ _id: Types.ObjectId; outbox?: DomainEvent[] }>>();
      const withEvents = documents.filter((document) => document.outbox?.length);
      return {
        events: withEvents.flatMap((document) =>
          (document.outbox ?? []).map((event) => ({ ...event, version: event.version ?? 1 })),
        ),
        async ack() {
          if (!withEvents.length) return;
          await model.bulkWrite(
            withEvents.map((document) => ({
              updateOne: {
                filter: { _id: document._id } as FilterQuery<T>,
                update: {
                  $pull: { outbox: { id: { $in: (document.outbox ?? []).map((e) => e.id) } } },
                } as never,
              },
            })),
            // Handing events over is not a change of the document: its updatedAt stays.
            { ordered: false, timestamps: false },
          );
        },
      };
    },
  };
}
