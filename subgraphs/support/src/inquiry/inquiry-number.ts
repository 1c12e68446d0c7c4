import type { InquiryCounterModel } from './inquiry-counter.model';

const KST_OFFSET_MS = 9 * 3_600_000;
const DUPLICATE_KEY = 11_000;

/** The Korean calendar day of `at`, as `yyyymmdd`: numbers follow the customers' day. */
export function koreanDay(at: Date): string {
  return new Date(at.getTime() + KST_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * Hands out inquiry numbers, `CS-20261123-000042`: a per-day sequence incremented atomically,
 * so concurrent intakes never share a number.
 */
export class InquiryNumbers {
  constructor(private readonly counters: InquiryCounterModel) {}

  /** The next number for the day of `at`. */
  async next(at: Date): Promise<string> {
    const day = koreanDay(at);
    const counter = await this.increment(`inquiry-${day}`);
    return `CS-${day}-${String(counter).padStart(6, '0')}`;
  }

  private async increment(id: string): Promise<number> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        // The document as it was before this increment: the local MongoDB-compatible server
        // returns the live document for `new: true`, which a concurrent increment may already
        // have changed, while the before-image is a copy. Null: this call created the counter.
        const before = await this.counters
          .findOneAndUpdate({ _id: id }, { $inc: { seq: 1 } }, { upsert: true, new: false })
          .lean();
        return (before?.seq ?? 0) + 1;
      } catch (error) {
        // Two first-of-the-day upserts race to create the counter; the loser increments it.
        if ((error as { code?: number }).code !== DUPLICATE_KEY || attempt > 2) throw error;
      }
    }
  }
}
