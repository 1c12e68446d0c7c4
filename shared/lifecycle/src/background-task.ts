/**
 * Work that runs for the life of a process beside its requests: outbox relays, sweepers, event
 * consumers, timers. The process starts every task after it opened its connections and stops
 * them, waiting for work in progress, before it closes those connections.
 */
export interface BackgroundTask {
  /** A short name for logs, e.g. `outbox-relay:products`. */
  readonly name: string;
  start(): void;
  /** Resolves once the task holds no work in progress and no timers. */
  stop(): Promise<void>;
}

/** Starts tasks in order; the returned function stops them in reverse order. */
export function startTasks(tasks: readonly BackgroundTask[]): () => Promise<void> {
  for (const task of tasks) task.start();
  return async () => {
    for (const task of [...tasks].reverse()) await task.stop();
  };
}
