import { Types } from 'mongoose';
import { requireRole, type Identity } from '@shop/auth';
import { AppError, NotFoundError, parseInput } from '@shop/errors';
import { isObjectIdString } from '@shop/mongo';
import { boundedCount } from '@shop/pagination';
import type { ProductsClient } from '../clients/products.client';
import type { CouponClaimStore } from './coupon-claim.store';
import { createCampaignInput, type CreateCampaignInput } from './coupon-campaign-input';
import type { CouponCampaignDocument, CouponCampaignModel } from './coupon-campaign.model';

const CACHE_LIMIT = 1_000;

/**
 * Campaigns: created by a SELLER over their own products or by an ADMIN over any, read by
 * everyone. A campaign's terms never change once created, so they are cached in the process
 * (claims read them on every call); only `issued` moves, and it is read fresh where it counts.
 */
export class CouponCampaignService {
  private readonly cache = new Map<string, CouponCampaignDocument>();

  constructor(
    private readonly campaigns: CouponCampaignModel,
    private readonly store: CouponClaimStore,
    private readonly products: ProductsClient,
  ) {}

  /**
   * Creates a campaign for the signed-in SELLER (their own products only) or ADMIN.
   * @throws FORBIDDEN for other roles, BAD_USER_INPUT for bad terms or products that are not
   * the seller's (naming the field), NOT_FOUND for unknown products.
   */
  async create(identity: Identity | null, rawInput: unknown): Promise<CouponCampaignDocument> {
    const user = requireRole(identity, 'SELLER', 'ADMIN');
    const input = parseInput(createCampaignInput, rawInput, 'input');
    const issuerRole = user.roles.includes('ADMIN') ? 'ADMIN' : 'SELLER';
    await this.checkProducts(input, issuerRole, user.userId);
    const now = new Date();
    const campaign: CouponCampaignDocument = {
      _id: new Types.ObjectId(),
      ...input,
      issued: 0,
      issuerId: user.userId,
      issuerRole,
      createdAt: now,
      updatedAt: now,
    };
    await this.campaigns.create(campaign);
    return campaign;
  }

  /** The campaign's products must exist, and for a SELLER be theirs. */
  private async checkProducts(
    input: CreateCampaignInput,
    issuerRole: 'SELLER' | 'ADMIN',
    issuerId: string,
  ): Promise<void> {
    if (!input.productIds.length) return;
    const found = await this.products.lookup(input.productIds);
    input.productIds.forEach((productId, index) => {
      const product = found[index];
      if (!product) {
        throw new AppError('NOT_FOUND', `Product ${productId} not found`, { productId });
      }
      if (issuerRole === 'SELLER' && product.sellerId !== issuerId) {
        throw new AppError(
          'BAD_USER_INPUT',
          `input.productIds: ${product.name} is not one of your products`,
          { field: 'input.productIds', productId },
        );
      }
    });
  }

  /** A campaign by id (cached), or null for an unknown or malformed id. */
  async find(id: string): Promise<CouponCampaignDocument | null> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    if (!isObjectIdString(id)) return null;
    const campaign = await this.campaigns.findById(id).lean<CouponCampaignDocument>();
    if (campaign) this.remember(campaign);
    return campaign;
  }

  /** @throws NOT_FOUND for an unknown campaign. */
  async get(id: string): Promise<CouponCampaignDocument> {
    const campaign = await this.find(id);
    if (!campaign) throw new NotFoundError('CouponCampaign', id);
    return campaign;
  }

  /** Several campaigns by id, in one query for those not cached. */
  async findMany(ids: readonly string[]): Promise<Map<string, CouponCampaignDocument>> {
    const missing = [...new Set(ids)].filter((id) => !this.cache.has(id));
    if (missing.length) {
      const found = await this.campaigns
        .find({ _id: { $in: missing.map((id) => new Types.ObjectId(id)) } })
        .lean<CouponCampaignDocument[]>();
      found.forEach((campaign) => this.remember(campaign));
    }
    return new Map(
      ids.flatMap((id) => {
        const campaign = this.cache.get(id);
        return campaign ? [[id, campaign] as const] : [];
      }),
    );
  }

  /**
   * Campaigns running now (started, not ended), ending soonest first.
   * @throws BAD_USER_INPUT when `first` is not 1 to 100.
   */
  async active(first: number | null | undefined): Promise<CouponCampaignDocument[]> {
    const limit = boundedCount(first);
    const now = new Date();
    return this.campaigns
      .find({ startsAt: { $lte: now }, endsAt: { $gt: now } })
      .sort({ endsAt: 1, _id: 1 })
      .limit(limit)
      .lean<CouponCampaignDocument[]>();
  }

  /**
   * Coupons left, live: Redis's counter while the campaign's state is there, else what
   * MongoDB recorded (quantity − issued), e.g. right after a Redis loss, before a rebuild.
   */
  async remaining(campaign: CouponCampaignDocument): Promise<number> {
    const live = await this.store.remaining(campaign._id.toHexString());
    if (live !== null) return live;
    const fresh = await this.campaigns
      .findById(campaign._id, { issued: 1, quantity: 1 })
      .lean<Pick<CouponCampaignDocument, 'issued' | 'quantity'>>();
    return Math.max(0, (fresh?.quantity ?? 0) - (fresh?.issued ?? 0));
  }

  private remember(campaign: CouponCampaignDocument): void {
    if (this.cache.size >= CACHE_LIMIT) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(campaign._id.toHexString(), campaign);
  }
}
