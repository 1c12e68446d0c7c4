import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { DomainEvent } from './domain-event';

type PayloadSchema = z.ZodType<Record<string, unknown>>;

/** Thrown for a received event whose payload does not match its definition; never retried. */
export class MalformedEventError extends Error {
  constructor(type: string, id: string, reason: string) {
    super(`malformed ${type} event ${id}: ${reason}`);
    this.name = 'MalformedEventError';
  }
}

/** One kind of event: its name, payload schema and version, the contract between its producer and consumers. */
export interface EventDefinition<TSchema extends PayloadSchema = PayloadSchema> {
  readonly type: string;
  readonly version: number;
  readonly schema: TSchema;
  /**
   * A new event with a fresh id. The payload is checked against the schema, so a producer
   * cannot write an event its consumers would refuse.
   * @throws ZodError when the payload does not match.
   */
  create(payload: z.input<TSchema>, occurredAt?: Date): DomainEvent<z.output<TSchema>>;
  /** The typed payload of a received event of this type. @throws MalformedEventError */
  parse(event: Pick<DomainEvent, 'id' | 'payload'>): z.output<TSchema>;
}

/**
 * Declares an event. Every event of the system is declared once, in `@shop/contracts`, and both
 * its producer and its consumers use that declaration.
 */
export function defineEvent<TSchema extends PayloadSchema>(
  type: string,
  schema: TSchema,
  { version = 1 }: { version?: number } = {},
): EventDefinition<TSchema> {
  return {
    type,
    version,
    schema,
    create(payload, occurredAt = new Date()) {
      return { id: randomUUID(), type, version, payload: schema.parse(payload), occurredAt };
    },
    parse(event) {
      const parsed = schema.safeParse(event.payload);
      if (!parsed.success) {
        throw new MalformedEventError(type, event.id, parsed.error.issues[0]?.message ?? '');
      }
      return parsed.data;
    },
  };
}
