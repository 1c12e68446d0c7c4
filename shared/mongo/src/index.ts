import mongoose, { type Connection } from 'mongoose';

export interface MongoOptions {
  /** Server address, e.g. `mongodb://127.0.0.1:27017`; a database in the URI is ignored. */
  uri: string;
  /** Each subgraph owns one database. */
  dbName: string;
  /** @defaultValue 20 */
  maxPoolSize?: number;
}

/**
 * Opens a dedicated connection (not mongoose's global one) so a process can hold several and
 * tests can point each file at its own database. Indexes are built by `syncIndexes` at start-up,
 * never by mongoose's background autoIndex.
 */
export async function connectMongo({
  uri,
  dbName,
  maxPoolSize = 20,
}: MongoOptions): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    dbName,
    maxPoolSize,
    autoIndex: false,
    autoCreate: true,
    serverSelectionTimeoutMS: 5_000,
    // Lets tests and diagnostics count round trips per request through command events.
    monitorCommands: true,
  });
  await connection.asPromise();
  return connection;
}

/** True when the server answers a ping; used by `/ready`. */
export async function isMongoReachable(connection: Connection): Promise<boolean> {
  try {
    await connection.db?.admin().command({ ping: 1 });
    return connection.readyState === mongoose.ConnectionStates.connected;
  } catch {
    return false;
  }
}

/**
 * Creates the collections and indexes every model declares; idempotent, run before a service
 * listens. Waiting for `init()` first matters: mongoose creates the collection in the
 * background when a model is compiled, and an index build racing that creation fails on the
 * H2 backend of the local server.
 */
export async function syncAllIndexes(connection: Connection): Promise<void> {
  for (const model of Object.values(connection.models)) {
    await model.init();
    await model.createIndexes();
  }
}

export { createByIdLoader, isObjectIdString } from './by-id-loader';
export { defineModel, type IndexSpec, type ModelFactory } from './define-model';
