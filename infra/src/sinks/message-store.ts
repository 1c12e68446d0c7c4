import { randomUUID } from 'node:crypto';

/** Captured messages, newest first, bounded so a long-running sink cannot grow without limit. */
export class MessageStore<T extends object> {
  private messages: Array<T & { id: string; receivedAt: string }> = [];

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
}
