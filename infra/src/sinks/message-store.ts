import { randomUUID } from 'node:crypto';

/**
 * Captured messages, newest first, bounded so a long-running sink cannot grow without limit,
 * and the failures a test asked the sink to inject.
 */
export class MessageStore<T extends object> {
  private messages: Array<T & { id: string; receivedAt: string }> = [];
  private failuresToInject = 0;

  constructor(private readonly capacity = 5_000) {}

  add(message: T): T & { id: string; receivedAt: string } {
    const stored = { id: randomUUID(), receivedAt: new Date().toISOString(), ...message };
    this.messages.unshift(stored);
    this.messages.length = Math.min(this.messages.length, this.capacity);
    return stored;
  }

  list(): Array<T & { id: string; receivedAt: string }> {
    return [...this.messages];
  }

  clear(): void {
    this.messages = [];
  }

  /** Makes the next `count` deliveries fail, the way a flaky provider would. */
  failNext(count: number): void {
    this.failuresToInject = count;
  }

  get pendingFailures(): number {
    return this.failuresToInject;
  }

  /** True when this delivery should fail; consumes one injected failure. */
  takeFailure(): boolean {
    if (this.failuresToInject <= 0) return false;
    this.failuresToInject -= 1;
    return true;
  }
}
