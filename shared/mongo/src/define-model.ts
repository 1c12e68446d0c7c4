import type { Connection, IndexDefinition, IndexOptions, Model, Schema } from 'mongoose';

/** One index: its keys and, when needed, its options (unique, sparse, partial filter…). */
export type IndexSpec = readonly [keys: IndexDefinition, options?: IndexOptions];

/** Returns the model on a connection, registering it there the first time. */
export type ModelFactory<T> = (connection: Connection) => Model<T>;

/**
 * Declares a collection in one place: its schema, every index it needs, and the model. The
 * factory registers the model once per connection (each subgraph and each test file has its
 * own), and `syncAllIndexes` builds the declared indexes before a service listens.
 */
export function defineModel<T>(
  name: string,
  schema: Schema<T>,
  indexes: readonly IndexSpec[] = [],
): ModelFactory<T> {
  for (const [keys, options] of indexes) schema.index(keys, options);
  return (connection) =>
    (connection.models[name] as Model<T> | undefined) ?? connection.model<T>(name, schema);
}
