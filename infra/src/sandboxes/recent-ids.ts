/**
 * Ids seen lately, bounded so a long-running sandbox cannot grow without limit; the oldest
 * are forgotten first (a Set keeps insertion order).
 */
export class RecentIds {
  private ids = new Set<string>();

  constructor(private readonly capacity = 50_000) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string): void {
    this.ids.delete(id);
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
  }

  clear(): void {
    this.ids = new Set();
  }
}
