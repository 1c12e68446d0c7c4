import mongoose, { type Connection } from 'mongoose';

export interface MongoOptions {
  /** Server address, e.g. `mongodb://127.0.0.1:27017`; a database in the URI is ignored. */
  uri: string;
  /** Each subgraph owns one database. */
  dbName: string;
  /** @defaultValue 20 */
  maxPoolSize?: number;
  /**
   * How long an operation may wait for a server that does not answer: server selection,
   * connecting, the handshake and a reply on an open socket each give up after this, so no
   * single round trip may take longer (index builds of large collections at start-up would
   * need a larger value). @defaultValue 2_000
   */
  timeoutMs?: number;
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
  timeoutMs = 2_000,
}: MongoOptions): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    dbName,
    maxPoolSize,
    autoIndex: false,
    autoCreate: true,
    // Deadlines: a server that stops answering fails operations (SERVICE_UNAVAILABLE) within
    // about `timeoutMs` instead of holding every request; the driver reconnects by itself.
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
    socketTimeoutMS: timeoutMs,
    heartbeatFrequencyMS: 2 * timeoutMs,
    // One attempt per operation: a retry after a timed-out attempt would double the wait (4 s
    // measured with the server paused). A failover surfaces as SERVICE_UNAVAILABLE instead.
    retryReads: false,
    retryWrites: false,
    // Operations issued while disconnected fail instead of queueing for mongoose's 10 s.
    bufferCommands: false,
    // Lets tests and diagnostics count round trips per request through command events.
    monitorCommands: true,
  });
  await connection.asPromise();
  return connection;
}

/** True when the server answers a ping within a second; used by `/ready`. */
export async function isMongoReachable(connection: Connection): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const ping = connection.db?.admin().command({ ping: 1 }, { timeoutMS: 1_000 });
    await Promise.race([
      ping,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('ping timed out')), 1_000);
      }),
    ]);
    return connection.readyState === mongoose.ConnectionStates.connected;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
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
