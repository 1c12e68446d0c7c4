import { setTimeout as sleep } from 'node:timers/promises';
import type {
  BalanceDocument,
  BalanceEntryDocument,
  BalanceEntryModel,
  BalanceEntryRecord,
  BalanceModel,
  EntryKind,
} from './balance.model';

/** A change to apply: what it is for (its idempotency), what kind, how much (signed). */
export interface BalanceChange {
  reference: string;
  kind: EntryKind;
  amount: number;
  orderId: string | null;
}

export type ApplyOutcome =
  /** This call applied the change. */
  | { kind: 'applied'; entry: BalanceEntryRecord }
  /** An entry with this reference was applied before (by an earlier try, or as a fence). */
  | { kind: 'already'; entry: BalanceEntryRecord }
  /** A debit the balance does not cover; nothing changed. */
  | { kind: 'insufficient'; available: number };

/** Writers of one balance that lost a race read it again; this many tries is far beyond any real contention. */
const MAX_TRIES = 200;

const isDuplicateKey = (error: unknown) => (error as { code?: number }).code === 11000;

/**
 * Users' balances as a ledger (docs/checkout.md, "Balance"). Every change is one conditional
 * update of the balance document on the sequence number it read (`{_id, seq}`, and
 * `available >= debit`), which sets the new amount and records the entry as `last` in the same
 * write; the entry is then copied to `balance_entries`, unique by `(userId, reference)`. Before
 * a change is applied, the previous `last` is copied and the reference looked up, so every
 * entry up to the sequence read is visible: a reference applied once is never applied again,
 * and a crash between the update and the copy loses nothing.
 */
export class BalanceLedger {
  /** The change of each balance under way in this process, which the next one waits for. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly balances: BalanceModel,
    private readonly entries: BalanceEntryModel,
    private readonly currency: string,
  ) {}

  /**
   * Applies a change once per reference: a debit only when the balance covers it, so it never
   * goes below zero. Concurrent changes of one balance are serialised by the sequence number
   * across processes, and queued one after another within this one so they do not spend
   * round trips losing races to each other.
   */
  async apply(userId: string, change: BalanceChange): Promise<ApplyOutcome> {
    const previous = this.queues.get(userId) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(() => this.applyOnce(userId, change));
    this.queues.set(userId, current);
    const forget = () => {
      if (this.queues.get(userId) === current) this.queues.delete(userId);
    };
    current.then(forget, forget);
    return current;
  }

  private async applyOnce(userId: string, change: BalanceChange): Promise<ApplyOutcome> {
    for (let attempt = 0; attempt < MAX_TRIES; attempt += 1) {
      const balance = await this.open(userId);
      const earlier = await this.find(balance, change.reference);
      if (earlier) return { kind: 'already', entry: earlier };
      const available = balance.available + change.amount;
      if (available < 0) return { kind: 'insufficient', available: balance.available };
      const entry: BalanceEntryRecord = {
        ...change,
        seq: balance.seq + 1,
        balanceAfter: available,
        at: new Date(),
      };
      const { modifiedCount } = await this.balances.updateOne(
        { _id: userId, seq: balance.seq, available: { $gte: Math.max(0, -change.amount) } },
        { $set: { available, last: entry }, $inc: { seq: 1 } },
      );
      if (modifiedCount === 1) {
        await this.copy(userId, entry);
        return { kind: 'applied', entry };
      }
      // Another change of this balance came first: read it again, after a short random pause.
      await sleep(Math.random() * Math.min(20, attempt + 1));
    }
    throw new Error(`balance of ${userId} too contended to apply ${change.reference}`);
  }

  /**
   * Makes sure nothing will ever be applied under `reference` (a zero VOID entry), unless
   * something already was: then that entry is returned. Recovery fences an interrupted payment
   * this way before giving it up, so a late debit of the same attempt cannot happen.
   */
  async fence(userId: string, reference: string, orderId: string): Promise<ApplyOutcome> {
    return this.apply(userId, { reference, kind: 'VOID', amount: 0, orderId });
  }

  /** The entry applied under `reference`, if any. */
  async entryFor(userId: string, reference: string): Promise<BalanceEntryRecord | null> {
    const balance = await this.balances.findById(userId).lean<BalanceDocument>();
    return balance ? this.find(balance, reference) : null;
  }

  /** The balance as it is, or an empty one for a user who never had one (nothing is written). */
  async read(userId: string): Promise<BalanceDocument> {
    const balance = await this.balances.findById(userId).lean<BalanceDocument>();
    return balance ?? this.empty(userId);
  }

  /** The newest entries with money, newest first (fences are not shown). */
  async history(userId: string, limit: number): Promise<BalanceEntryDocument[]> {
    const balance = await this.balances.findById(userId).lean<BalanceDocument>();
    if (balance?.last) await this.copy(userId, balance.last);
    return this.entries
      .find({ userId, kind: { $ne: 'VOID' } })
      .sort({ seq: -1 })
      .limit(limit)
      .lean<BalanceEntryDocument[]>();
  }

  private empty(userId: string): BalanceDocument {
    const now = new Date();
    return {
      _id: userId,
      available: 0,
      currency: this.currency,
      seq: 0,
      last: null,
      createdAt: now,
      updatedAt: now,
    };
  }

  /** The balance document, created empty on first use. */
  private async open(userId: string): Promise<BalanceDocument> {
    const found = await this.balances.findById(userId).lean<BalanceDocument>();
    if (found) return found;
    try {
      await this.balances.updateOne(
        { _id: userId },
        { $setOnInsert: { available: 0, currency: this.currency, seq: 0, last: null } },
        { upsert: true },
      );
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    return (await this.balances.findById(userId).lean<BalanceDocument>()) ?? this.empty(userId);
  }

  /** Copies `last` to the ledger, then looks the reference up: every entry up to `seq` is there. */
  private async find(
    balance: BalanceDocument,
    reference: string,
  ): Promise<BalanceEntryRecord | null> {
    if (balance.last) {
      await this.copy(balance._id, balance.last);
      if (balance.last.reference === reference) return balance.last;
    }
    return this.entries.findOne({ userId: balance._id, reference }).lean<BalanceEntryRecord>();
  }

  private async copy(userId: string, entry: BalanceEntryRecord): Promise<void> {
    try {
      await this.entries.create({ ...entry, userId, currency: this.currency });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
}
