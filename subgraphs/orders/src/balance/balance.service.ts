import { requireOwnerOrStaff, requireUser, type Identity } from '@shop/auth';
import { ForbiddenError, parseInput } from '@shop/errors';
import { boundedCount } from '@shop/pagination';
import { z } from 'zod';
import type { IdempotencyService } from '../idempotency/idempotency.service';
import type { Money } from '../order/order.model';
import type { BalanceLedger } from './balance-ledger';
import type { BalanceEntryDocument } from './balance.model';

/** A user's balance as the graph shows it; its entries are read when asked for. */
export interface BalanceView {
  userId: string;
  available: Money;
}

/** API.md: a sandbox top-up is 1 to 1,000,000 per charge. */
const chargeAmount = z.number().int().min(1).max(1_000_000);

/** Balances: what a user can pay with, their top-ups and the ledger behind them. */
export class BalanceService {
  constructor(
    private readonly ledger: BalanceLedger,
    private readonly idempotency: IdempotencyService,
    private readonly options: { currency: string; production: boolean },
  ) {}

  /** The signed-in user's balance. */
  async myBalance(identity: Identity | null): Promise<BalanceView> {
    return this.view(requireUser(identity).userId);
  }

  /** A user's balance, for the user themself, AGENT and ADMIN. */
  async balanceOf(identity: Identity | null, userId: string): Promise<BalanceView> {
    requireOwnerOrStaff(identity, userId);
    return this.view(userId);
  }

  /** The newest `first` entries with money (CHARGE, PAYMENT, REFUND), newest first. */
  async entries(userId: string, first: number | null | undefined): Promise<BalanceEntryDocument[]> {
    return this.ledger.history(userId, boundedCount(first));
  }

  /**
   * Tops the signed-in user's balance up (a sandbox feature, refused in production), once per
   * idempotency key. @throws BAD_USER_INPUT outside 1–1,000,000, IDEMPOTENCY_KEY_REUSED.
   */
  async charge(identity: Identity | null, amount: unknown, key: string): Promise<BalanceView> {
    const user = requireUser(identity);
    if (this.options.production) throw new ForbiddenError('Top-ups exist only in the sandbox');
    const value = parseInput(chargeAmount, amount, 'amount');
    return this.idempotency.run({
      buyerId: user.userId,
      operation: 'chargeBalance',
      key,
      input: { amount: value },
      execute: async (claim) => {
        await this.ledger.apply(user.userId, {
          reference: `charge:${claim.resultRef}`,
          kind: 'CHARGE',
          amount: value,
          orderId: null,
        });
        return { resultRef: claim.resultRef, result: await this.view(user.userId) };
      },
      replay: () => this.view(user.userId),
    });
  }

  private async view(userId: string): Promise<BalanceView> {
    const balance = await this.ledger.read(userId);
    return { userId, available: { amount: balance.available, currency: this.options.currency } };
  }
}
