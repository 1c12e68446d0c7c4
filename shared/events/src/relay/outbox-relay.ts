import { IntervalTask, type BackgroundTask } from '@shop/lifecycle';
import type { Logger } from '@shop/logger';
import type { OutboxSource } from '../outbox/outbox-source';
import type { EventDispatcher } from './event-dispatcher';

export interface OutboxRelayOptions {
  /** Names the relay in logs, e.g. the subgraph that owns the outboxes. */
  name: string;
  sources: readonly OutboxSource[];
  /** Every dispatcher sees every event and picks those routed to it. */
  dispatchers: readonly EventDispatcher[];
  logger: Logger;
  /** Pause between passes. @defaultValue 200 */
  intervalMs?: number;
  /** Events read from a source at a time. @defaultValue 100 */
  batchSize?: number;
  /** Batches a pass may take from one source, so a burst drains in one pass. @defaultValue 10 */
  maxBatchesPerPass?: number;
}

/**
 * Moves events from outboxes to their consumers, at least once: a batch is acknowledged (removed
 * from its outbox) only after every dispatcher took it, so a crash in between dispatches it
 * again, and consumers deduplicate by event id. Dispatchers of a batch run concurrently and each
 * hands over the whole batch in one round trip. The relay owns its dispatchers and closes them
 * when it stops.
 */
export class OutboxRelay implements BackgroundTask {
  readonly name: string;
  private readonly task: IntervalTask;

  constructor(private readonly options: OutboxRelayOptions) {
    this.name = `outbox-relay:${options.name}`;
    this.task = new IntervalTask(
      this.name,
      options.intervalMs ?? 200,
      () => this.drain(),
      options.logger,
    );
  }

  start(): void {
    this.task.start();
  }

  /** Waits for the pass in progress, then closes the dispatchers' connections. */
  async stop(): Promise<void> {
    await this.task.stop();
    await Promise.allSettled(this.options.dispatchers.map((dispatcher) => dispatcher.close()));
  }

  /** One pass over every source; returns how many events were dispatched. */
  async drain(): Promise<number> {
    const batchSize = this.options.batchSize ?? 100;
    const maxBatches = this.options.maxBatchesPerPass ?? 10;
    let dispatched = 0;
    for (const source of this.options.sources) {
      for (let round = 0; round < maxBatches; round += 1) {
        const batch = await source.fetch(batchSize);
        if (!batch.events.length) break;
        await Promise.all(
          this.options.dispatchers.map((dispatcher) => dispatcher.dispatch(batch.events)),
        );
        await batch.ack();
        dispatched += batch.events.length;
        if (batch.events.length < batchSize) break;
      }
    }
    return dispatched;
  }
}
