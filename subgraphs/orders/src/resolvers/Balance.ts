import type { BalanceEntryResolvers, BalanceResolvers } from '../__generated__/resolvers-types';

export const Balance: BalanceResolvers = {
  entries: ({ userId }, { first }, { balances }) => balances.entries(userId, first),
};

export const BalanceEntry: BalanceEntryResolvers = {
  id: (entry) => entry._id.toHexString(),
  amount: (entry) => ({ amount: entry.amount, currency: entry.currency }),
  balanceAfter: (entry) => ({ amount: entry.balanceAfter, currency: entry.currency }),
};
