import type { Logger } from '@shop/logger';
import { IntervalTask } from '@shop/service';
import type { OutboxEvent } from './outbox-event';

export interface PendingEvent {
  event: OutboxEvent;
  /** Removes the event from its outbox; called only after it was dispatched. */
  ack(): Promise<void>;
}

export interface OutboxSource {
  name: string;
  fetch(limit: number): Promise<PendingEvent[]>;
}

export interface OutboxRelayOptions {
  sources: OutboxSource[];
  /**
   * Delivers one event, typically by adding BullMQ jobs whose `jobId` derives from the event
   * id, so a delivery repeated after a crash is deduplicated by the queue.
   */
  dispatch: (event: OutboxEvent) => Promise<void>;
  logger: Logger;
  /** @defaultValue 200 */
  intervalMs?: number;
  /** @defaultValue 100 */
  batchSize?: number;
}

/**
 * Moves events from outboxes to their queues, at least once: an event is removed only after
 * it was dispatched, so a crash between the two dispatches it again, and consumers
 * deduplicate by event id.
 */
export class OutboxRelay {
  private readonly task: IntervalTask;

  constructor(private readonly options: OutboxRelayOptions) {
    this.task = new IntervalTask(
      'outbox-relay',
      options.intervalMs ?? 200,
      () => this.drain(),
      options.logger,
    );
  }

  start(): void {
    this.task.start();
  }

  /** Waits for the pass in progress, then stops. */
  async stop(): Promise<void> {
    await this.task.stop();
  }

  /** Drains every source once; returns how many events were dispatched. */
  async drain(): Promise<number> {
    let dispatched = 0;
    for (const source of this.options.sources) {
      const pending = await source.fetch(this.options.batchSize ?? 100);
      for (const { event, ack } of pending) {
        await this.options.dispatch(event);
        await ack();
        dispatched += 1;
      }
    }
    return dispatched;
  }
}
