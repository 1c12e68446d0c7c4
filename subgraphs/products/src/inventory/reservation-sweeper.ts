import type { ProductModel } from '../product/product.model';
import type { InventoryService } from './inventory.service';
import type { ReservationDocument, ReservationModel } from './reservation.model';
import { endHold } from './stock-holds';

const BATCH = 100;
/** Time an in-flight call gets to settle a reservation itself before the sweeper steps in. */
const SETTLE_GRACE_MS = 10_000;
/** Time after its expiry a hold is considered orphaned (its reservation settled without it). */
const ORPHAN_GRACE_MS = 60_000;

export interface SweepResult {
  expired: number;
  settled: number;
  orphansEnded: number;
}

/**
 * Returns stock that no order will take: expires open reservations past their expiry,
 * finishes reservations a crash left unsettled, and ends holds whose reservation no longer
 * claims them. Each step is idempotent and safe beside live calls and other sweepers.
 */
export class ReservationSweeper {
  constructor(
    private readonly inventory: InventoryService,
    private readonly reservations: ReservationModel,
    private readonly products: ProductModel,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** One pass over each of the three kinds of work. */
  async sweep(): Promise<SweepResult> {
    return {
      expired: await this.expireOpen(),
      settled: await this.settleStragglers(),
      orphansEnded: await this.endOrphanHolds(),
    };
  }

  private async expireOpen(): Promise<number> {
    const due = await this.reservations
      .find(
        { status: { $in: ['PENDING', 'RESERVED'] }, expiresAt: { $lte: this.now() } },
        { _id: 1 },
      )
      .limit(BATCH)
      .lean<Array<{ _id: string }>>();
    let expired = 0;
    for (const { _id } of due) if (await this.inventory.expire(_id)) expired += 1;
    return expired;
  }

  private async settleStragglers(): Promise<number> {
    const stragglers = await this.reservations
      .find({
        settled: false,
        status: { $nin: ['PENDING', 'RESERVED'] },
        updatedAt: { $lte: new Date(this.now().getTime() - SETTLE_GRACE_MS) },
      })
      .limit(BATCH)
      .lean<ReservationDocument[]>();
    for (const reservation of stragglers) await this.inventory.settle(reservation);
    return stragglers.length;
  }

  private async endOrphanHolds(): Promise<number> {
    const cutoff = new Date(this.now().getTime() - ORPHAN_GRACE_MS);
    const products = await this.products
      .find({ 'holds.expiresAt': { $lte: cutoff } }, { holds: 1 })
      .limit(BATCH)
      .lean();
    let ended = 0;
    for (const product of products) {
      for (const hold of product.holds ?? []) {
        if (hold.expiresAt > cutoff) continue;
        const reservation = await this.reservations.findById(hold.orderId, { status: 1 }).lean();
        if (reservation && ['PENDING', 'RESERVED'].includes(reservation.status)) continue;
        const how = reservation?.status === 'COMMITTED' ? 'commit' : 'release';
        const line = { productId: product._id.toHexString(), quantity: hold.quantity };
        if (await endHold(this.products, hold.orderId, line, how)) ended += 1;
      }
    }
    return ended;
  }
}
