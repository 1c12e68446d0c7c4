import { Types } from 'mongoose';
import type { GraphQLResult, Stack } from '../src';
import { ADDRESS, customer, dataOf } from './checkout-fixtures';
import type { CartCatalog } from './cart-fixtures';
import { couponClient } from './coupon-fixtures';

/** The order's fulfilment fields a test looks at. */
export const FULFILMENT_FIELDS = `
  id number status
  items { product { id } quantity cancelledQuantity status lineTotal { amount } }
  subtotal { amount } shippingFee { amount } discount { amount } total { amount } refunded { amount }
  payment { method status amount { amount } refunded { amount } }
  shipment { carrier trackingNumber trackingUrl estimatedDeliveryAt shippedAt deliveredAt lastEvent }
  cancellations { productId quantity refund { amount } reason cancelledBy at }
  history { status by reason }
`;

export interface FulfilmentView {
  id: string;
  number: string;
  status: string;
  items: Array<{
    product: { id: string };
    quantity: number;
    cancelledQuantity: number;
    status: string;
    lineTotal: { amount: number };
  }>;
  subtotal: { amount: number };
  shippingFee: { amount: number };
  discount: { amount: number };
  total: { amount: number };
  refunded: { amount: number };
  payment: {
    method: string;
    status: string;
    amount: { amount: number };
    refunded: { amount: number };
  };
  shipment: {
    carrier: string;
    trackingNumber: string;
    trackingUrl: string;
    estimatedDeliveryAt: string;
    shippedAt: string;
    deliveredAt: string | null;
    lastEvent: string | null;
  } | null;
  cancellations: Array<{
    productId: string;
    quantity: number;
    refund: { amount: number };
    reason: string;
    cancelledBy: string;
    at: string;
  }>;
  history: Array<{ status: string; by: string; reason: string | null }>;
}

export interface ReviewView {
  id: string;
  authorName: string;
  rating: number;
  body: string;
  verifiedPurchase: boolean;
  product: { id: string };
}

/** The after-sale operations of the public contract, as one caller. */
export function fulfilmentClient(stack: Stack, token?: string) {
  const run = <T>(query: string, variables: Record<string, unknown>) =>
    stack.query<T>(query, variables, token ? { token } : {});
  return {
    order: (id: string) =>
      run<{ order: FulfilmentView }>(
        `query ($id: ID!) { order(id: $id) { ${FULFILMENT_FIELDS} } }`,
        { id },
      ),
    cancelOrder: (orderId: string, reason = 'changed my mind') =>
      run<{ cancelOrder: FulfilmentView }>(
        `mutation ($orderId: ID!, $reason: String!) { cancelOrder(orderId: $orderId, reason: $reason) { ${FULFILMENT_FIELDS} } }`,
        { orderId, reason },
      ),
    cancelOrderItems: (
      orderId: string,
      items: Array<{ productId: string; quantity: number }>,
      reason = 'one too many',
    ) =>
      run<{ cancelOrderItems: FulfilmentView }>(
        `mutation ($orderId: ID!, $items: [CancelLineInput!]!, $reason: String!) {
          cancelOrderItems(orderId: $orderId, items: $items, reason: $reason) { ${FULFILMENT_FIELDS} } }`,
        { orderId, items, reason },
      ),
    startPreparingOrder: (orderId: string) =>
      run<{ startPreparingOrder: FulfilmentView }>(
        `mutation ($orderId: ID!) { startPreparingOrder(orderId: $orderId) { ${FULFILMENT_FIELDS} } }`,
        { orderId },
      ),
    shipOrder: (orderId: string, input: { carrier: string; trackingNumber?: string }) =>
      run<{ shipOrder: FulfilmentView }>(
        `mutation ($orderId: ID!, $input: ShipOrderInput!) { shipOrder(orderId: $orderId, input: $input) { ${FULFILMENT_FIELDS} } }`,
        { orderId, input },
      ),
    writeReview: (orderId: string, productId: string, rating: number, body: string) =>
      run<{ writeReview: ReviewView }>(
        `mutation ($orderId: ID!, $productId: ID!, $rating: Int!, $body: String!) {
          writeReview(orderId: $orderId, productId: $productId, rating: $rating, body: $body) {
            id authorName rating body verifiedPurchase product { id } } }`,
        { orderId, productId, rating, body },
      ),
    productReviews: (id: string) =>
      run<{
        product: {
          id: string;
          name: string;
          rating: { average: number; count: number };
          reviews: ReviewView[];
        };
      }>(
        `query ($id: ID!) { product(id: $id) { id name rating { average count }
          reviews(first: 10) { id authorName rating body verifiedPurchase product { id } } } }`,
        { id },
      ),
  };
}

export type FulfilmentClient = ReturnType<typeof fulfilmentClient>;

/** The error code of a refused call (the first error's). */
export function codeOf(result: GraphQLResult<unknown>): string | undefined {
  return result.errors?.[0]?.extensions?.['code'] as string | undefined;
}

/** Makes products belong to a seller, as the seller's own listings would. */
export async function assignSeller(stack: Stack, productIds: string[], sellerId: string) {
  await stack.subgraphs.products.subgraph.runtime.mongo
    .collection('products')
    .updateMany(
      { _id: { $in: productIds.map((id) => new Types.ObjectId(id)) } },
      { $set: { sellerId } },
    );
}

/**
 * A buyer with a paid order of the given lines (balance, or card when `card` is a PG token),
 * failing the test if any step is refused; with `campaignId`, the buyer claims a coupon of that
 * campaign and orders with it.
 */
export async function paidOrder(
  stack: Stack,
  lines: Array<{ productId: string; quantity: number }>,
  options: { card?: string; campaignId?: string; before?: (orderId: string) => Promise<void> } = {},
) {
  const buyer = await customer(stack, options.card ? 0 : 500_000);
  const couponId = options.campaignId
    ? dataOf(await couponClient(stack, buyer.accessToken).claim(options.campaignId)).claimCoupon.id
    : undefined;
  const created = dataOf(
    await buyer.checkout.createOrder({ items: lines, shippingAddress: ADDRESS, couponId }),
  ).createOrder;
  await options.before?.(created.id);
  const input = options.card ? { method: 'CARD', cardToken: options.card } : { method: 'BALANCE' };
  const paid = dataOf(await buyer.checkout.payOrder(created.id, input)).payOrder;
  if (paid.order.status !== 'PAID') throw new Error(`not paid: ${JSON.stringify(paid.payment)}`);
  return { buyer, order: paid.order, client: fulfilmentClient(stack, buyer.accessToken) };
}

/** Products of the given prices, each with `available` units, taken from the seeded catalog. */
export async function productsPriced(catalog: CartCatalog, prices: number[], available = 20) {
  const ids: string[] = [];
  for (const price of prices) ids.push(await catalog.take({ price, available }));
  return ids;
}
