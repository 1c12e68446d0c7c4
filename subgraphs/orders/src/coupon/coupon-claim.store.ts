import { randomUUID } from 'node:crypto';
import type { Redis } from '@shop/redis';
import type { CouponKeys } from './coupon-keys';

/**
 * The claim, in one atomic step: not loaded (-3), already claimed by this user (-2), sold out
 * (-1), or the user is added to the claimed set and the counter decremented (the coupons left).
 */
const CLAIM_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -3 end
if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then return -2 end
local left = tonumber(redis.call('GET', KEYS[1]))
if left <= 0 then return -1 end
redis.call('SADD', KEYS[2], ARGV[1])
return redis.call('DECR', KEYS[1])
`;

/**
 * Undoes a claim MongoDB refused: the user leaves the claimed set and, when the coupon is to
 * be offered again, the counter goes back up (only if the user was still in the set, so a
 * repeated undo gives nothing back twice).
 */
const UNDO_SCRIPT = `
local removed = redis.call('SREM', KEYS[2], ARGV[1])
if removed == 1 and ARGV[2] == '1' and redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('INCR', KEYS[1])
end
return removed
`;

/**
 * Installs a rebuilt state unless another process did already: the gathered set becomes the
 * claimed set and the counter is written last, since its presence means "loaded".
 */
const INSTALL_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('DEL', KEYS[3])
  return 0
end
redis.call('DEL', KEYS[2])
if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('RENAME', KEYS[3], KEYS[2]) end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('PEXPIREAT', KEYS[1], ARGV[2])
if redis.call('EXISTS', KEYS[2]) == 1 then redis.call('PEXPIREAT', KEYS[2], ARGV[2]) end
return 1
`;

/**
 * Lowers a loaded counter to what MongoDB allows (never raises it: claims under way may not
 * be recorded yet) and adds every recorded claimant to the set: a Redis restored from an old
 * snapshot can only have been too generous, and this takes that back.
 */
const TIGHTEN_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local left = tonumber(redis.call('GET', KEYS[1]))
local allowed = tonumber(ARGV[1])
if left > allowed then redis.call('SET', KEYS[1], allowed, 'KEEPTTL') end
for i = 2, #ARGV do redis.call('SADD', KEYS[2], ARGV[i]) end
return left
`;

export type ClaimVerdict =
  | { kind: 'claimed'; remaining: number }
  | { kind: 'sold-out' }
  | { kind: 'already-claimed' }
  | { kind: 'not-loaded' };

/** What a rebuild needs from MongoDB: the coupons left and who holds one. */
export interface CampaignRecord {
  campaignId: string;
  remaining: number;
  claimants: readonly string[];
  /** The keys expire after the campaign is over. */
  expireAt: Date;
}

const CHUNK = 1_000;
const LOCK_MS = 10_000;

/**
 * The claim state of campaigns in Redis: a counter and a claimed set per campaign, changed
 * only by Lua scripts, so the quantity check and the one-per-person check are one step.
 * MongoDB stays the record; this is the fast gate in front of it.
 */
export class CouponClaimStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: CouponKeys,
  ) {}

  /** The atomic claim of one coupon of a campaign for a user. */
  async claim(campaignId: string, userId: string): Promise<ClaimVerdict> {
    const reply = Number(
      await this.redis.eval(
        CLAIM_SCRIPT,
        2,
        this.keys.remaining(campaignId),
        this.keys.claimed(campaignId),
        userId,
      ),
    );
    if (reply === -3) return { kind: 'not-loaded' };
    if (reply === -2) return { kind: 'already-claimed' };
    if (reply === -1) return { kind: 'sold-out' };
    return { kind: 'claimed', remaining: reply };
  }

  /** Takes back a claim MongoDB refused; `offerAgain` puts its coupon back on the counter. */
  async undo(campaignId: string, userId: string, offerAgain: boolean): Promise<void> {
    await this.redis.eval(
      UNDO_SCRIPT,
      2,
      this.keys.remaining(campaignId),
      this.keys.claimed(campaignId),
      userId,
      offerAgain ? '1' : '0',
    );
  }

  /** The live count, or null when the campaign's state is not in Redis. */
  async remaining(campaignId: string): Promise<number | null> {
    const value = await this.redis.get(this.keys.remaining(campaignId));
    return value === null ? null : Math.max(0, Number(value));
  }

  async isLoaded(campaignId: string): Promise<boolean> {
    return (await this.redis.exists(this.keys.remaining(campaignId))) === 1;
  }

  /** Takes the rebuild lock of a campaign; false when another process holds it. */
  async lockRebuild(campaignId: string): Promise<string | null> {
    const token = randomUUID();
    const ok = await this.redis.set(this.keys.rebuildLock(campaignId), token, 'PX', LOCK_MS, 'NX');
    return ok === 'OK' ? token : null;
  }

  async unlockRebuild(campaignId: string, token: string): Promise<void> {
    const key = this.keys.rebuildLock(campaignId);
    if ((await this.redis.get(key)) === token) await this.redis.del(key);
  }

  /**
   * Writes a campaign's state rebuilt from MongoDB, unless it is loaded already: the claimants
   * are gathered in a side set first (in chunks), then installed with the counter in one step.
   * True when this call installed it.
   */
  async install(record: CampaignRecord): Promise<boolean> {
    const { campaignId } = record;
    const side = this.keys.rebuilding(campaignId, randomUUID());
    for (let start = 0; start < record.claimants.length; start += CHUNK) {
      await this.redis.sadd(side, ...record.claimants.slice(start, start + CHUNK));
      await this.redis.pexpire(side, LOCK_MS * 6);
    }
    const installed = await this.redis.eval(
      INSTALL_SCRIPT,
      3,
      this.keys.remaining(campaignId),
      this.keys.claimed(campaignId),
      side,
      String(Math.max(0, record.remaining)),
      String(record.expireAt.getTime()),
    );
    return Number(installed) === 1;
  }

  /** Brings a loaded state in line with MongoDB where Redis was too generous (see the script). */
  async tighten(record: CampaignRecord): Promise<void> {
    const keys = [this.keys.remaining(record.campaignId), this.keys.claimed(record.campaignId)];
    const allowed = String(Math.max(0, record.remaining));
    if (!record.claimants.length) {
      await this.redis.eval(TIGHTEN_SCRIPT, 2, ...keys, allowed);
      return;
    }
    for (let start = 0; start < record.claimants.length; start += CHUNK) {
      const chunk = record.claimants.slice(start, start + CHUNK);
      await this.redis.eval(TIGHTEN_SCRIPT, 2, ...keys, allowed, ...chunk);
    }
  }
}
