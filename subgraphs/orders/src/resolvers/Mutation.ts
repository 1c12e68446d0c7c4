import type { MutationResolvers } from '../__generated__/resolvers-types';

export const Mutation: MutationResolvers = {
  createOrder: (_parent, { input, idempotencyKey }, { placement, identity }) =>
    placement.createOrder(identity, input, idempotencyKey),
  payOrder: (_parent, { orderId, input, idempotencyKey }, { payments, identity }) =>
    payments.payOrder(identity, orderId, input, idempotencyKey),
  cancelOrder: (_parent, { orderId, reason }, { cancellation, identity }) =>
    cancellation.cancelOrder(identity, orderId, reason),
  chargeBalance: (_parent, { amount, idempotencyKey }, { balances, identity }) =>
    balances.charge(identity, amount, idempotencyKey),
};
