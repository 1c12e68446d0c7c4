import { inquiryClosed } from '@shop/contracts';
import { AppError } from '@shop/errors';
import type { Clock } from '../clock';
import type { InquiryTransitions } from './inquiry-transitions';
import { SYSTEM_ACTOR } from './inquiry-vocabulary';
import type { InquiryModel } from './inquiry.model';

const BATCH = 100;
const SYSTEM = { kind: 'SYSTEM' as const, id: SYSTEM_ACTOR };

/** Resolved inquiries close on their own once the auto-close delay passed (7 days by default). */
export class InquiryAutoClose {
  constructor(
    private readonly deps: {
      inquiries: InquiryModel;
      transitions: InquiryTransitions;
      clock: Clock;
      /** Time after resolution. */
      afterMs: number;
    },
  ) {}

  /** Closes what is due; returns how many it closed. */
  async sweep(): Promise<number> {
    const cutoff = new Date(this.deps.clock.now().getTime() - this.deps.afterMs);
    const due = await this.deps.inquiries
      .find({ status: 'RESOLVED', resolvedAt: { $lte: cutoff } }, { _id: 1 })
      .sort({ resolvedAt: 1 })
      .limit(BATCH)
      .lean();
    let closed = 0;
    for (const { _id } of due) if (await this.close(_id.toHexString(), cutoff)) closed += 1;
    return closed;
  }

  private async close(inquiryId: string, cutoff: Date): Promise<boolean> {
    try {
      const { changed } = await this.deps.transitions.apply(
        inquiryId,
        'close',
        SYSTEM,
        (current, _to, now) => {
          if (!current.resolvedAt || current.resolvedAt > cutoff) return null;
          return {
            set: { closedAt: now },
            audit: {
              kind: 'CLOSED',
              detail: `auto-closed ${Math.round(this.deps.afterMs / 1_000)} s after resolution`,
            },
            events: [
              inquiryClosed.create({
                inquiryId,
                number: current.number,
                customerId: current.customerId,
              }),
            ],
          };
        },
      );
      return changed;
    } catch (error) {
      // Another sweeper closed it first.
      if (error instanceof AppError && error.code === 'INVALID_STATE_TRANSITION') return false;
      throw error;
    }
  }
}
