import { randomUUID } from 'node:crypto';
import { Types } from 'mongoose';
import { createSignedInUser, type GraphQLResult, type Stack, type TestUser } from '../src';

/** A valid delivery address. */
export const ADDRESS = {
  recipient: '김민지',
  phone: '010-1234-5678',
  postalCode: '06236',
  line1: '서울 강남구 테헤란로 152',
  line2: '12층',
};

/** Every field of an order a test looks at, with the product and buyer through federation. */
export const ORDER_FIELDS = `
  id number status payBy createdAt
  buyer { id }
  items { product { id name } productName unitPrice { amount currency } quantity cancelledQuantity lineTotal { amount } status }
  subtotal { amount } shippingFee { amount } discount { amount } total { amount currency } refunded { amount }
  shippingAddress { recipient phone postalCode line1 line2 }
  payment { id method status amount { amount } refunded { amount } failureCode failureMessage approvedAt }
  shipment { carrier }
  cancellations { productId }
  history { status by reason at }
`;

export interface OrderView {
  id: string;
  number: string;
  status: string;
  payBy: string | null;
  createdAt: string;
  buyer: { id: string };
  items: Array<{
    product: { id: string; name: string };
    productName: string;
    unitPrice: { amount: number; currency: string };
    quantity: number;
    cancelledQuantity: number;
    lineTotal: { amount: number };
    status: string;
  }>;
  subtotal: { amount: number };
  shippingFee: { amount: number };
  discount: { amount: number };
  total: { amount: number; currency: string };
  refunded: { amount: number };
  shippingAddress: typeof ADDRESS;
  payment: PaymentView | null;
  shipment: null;
  cancellations: unknown[];
  history: Array<{ status: string; by: string; reason: string | null; at: string }>;
}

export interface PaymentView {
  id: string;
  method: 'BALANCE' | 'CARD';
  status: string;
  amount: { amount: number };
  refunded: { amount: number };
  failureCode: string | null;
  failureMessage: string | null;
  approvedAt: string | null;
}

export interface BalanceView {
  available: { amount: number; currency: string };
  entries: Array<{
    kind: string;
    amount: { amount: number };
    balanceAfter: { amount: number };
    orderId: string | null;
  }>;
}

const BALANCE_FIELDS =
  'available { amount currency } entries(first: 50) { kind amount { amount } balanceAfter { amount } orderId }';

type Input = Record<string, unknown>;

/** Sends an operation as a caller; the stack's own client unless a keep-alive pool is given. */
export type Transport = <T>(
  query: string,
  variables: Record<string, unknown>,
  token?: string,
) => Promise<GraphQLResult<T>>;

/**
 * The checkout operations of the public contract, as one caller (anonymous without a token),
 * through the stack's client or a keep-alive pool (`keepAliveClient(stack.gatewayUrl).query`).
 */
export function checkoutClient(stack: Stack, token?: string, transport?: Transport) {
  const send = <T>(query: string, variables: Record<string, unknown>) =>
    transport
      ? transport<T>(query, variables, token)
      : stack.query<T>(query, variables, token ? { token } : {});
  const run = <T>(query: string, variables: Record<string, unknown>) => send<T>(query, variables);
  return {
    createOrder: (input: Input, idempotencyKey: string = randomUUID()) =>
      run<{ createOrder: OrderView }>(
        `mutation ($input: CreateOrderInput!, $key: String!) { createOrder(input: $input, idempotencyKey: $key) { ${ORDER_FIELDS} } }`,
        { input, key: idempotencyKey },
      ),
    payOrder: (orderId: string, input: Input, idempotencyKey: string = randomUUID()) =>
      run<{ payOrder: { order: OrderView; payment: PaymentView } }>(
        `mutation ($orderId: ID!, $input: PayOrderInput!, $key: String!) {
          payOrder(orderId: $orderId, input: $input, idempotencyKey: $key) { order { ${ORDER_FIELDS} } payment { id method status amount { amount } failureCode failureMessage approvedAt refunded { amount } } } }`,
        { orderId, input, key: idempotencyKey },
      ),
    cancelOrder: (orderId: string, reason: string) =>
      run<{ cancelOrder: OrderView }>(
        `mutation ($orderId: ID!, $reason: String!) { cancelOrder(orderId: $orderId, reason: $reason) { ${ORDER_FIELDS} } }`,
        { orderId, reason },
      ),
    order: (id: string) =>
      run<{ order: OrderView | null }>(`query ($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`, {
        id,
      }),
    orderByNumber: (number: string) =>
      run<{ orderByNumber: OrderView | null }>(
        `query ($number: String!) { orderByNumber(number: $number) { id number } }`,
        { number },
      ),
    myOrders: (variables: { first?: number; after?: string; status?: string[] } = {}) =>
      run<{ myOrders: OrderPage }>(
        `query ($first: Int, $after: String, $status: [OrderStatus!]) { myOrders(first: $first, after: $after, status: $status) { ${PAGE_FIELDS} } }`,
        variables,
      ),
    orders: (filter: Input, first = 20) =>
      run<{ orders: OrderPage }>(
        `query ($filter: OrderFilter, $first: Int) { orders(filter: $filter, first: $first) { ${PAGE_FIELDS} } }`,
        { filter, first },
      ),
    myBalance: () => run<{ myBalance: BalanceView }>(`{ myBalance { ${BALANCE_FIELDS} } }`, {}),
    chargeBalance: (amount: number, idempotencyKey: string = randomUUID()) =>
      run<{ chargeBalance: BalanceView }>(
        `mutation ($amount: Int!, $key: String!) { chargeBalance(amount: $amount, idempotencyKey: $key) { ${BALANCE_FIELDS} } }`,
        { amount, key: idempotencyKey },
      ),
  };
}

export type CheckoutClient = ReturnType<typeof checkoutClient>;

const PAGE_FIELDS =
  'totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id number status } }';

export interface OrderPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: { id: string; number: string; status: string } }>;
}

/** Fails the test with the errors when a call that must work did not. */
export function dataOf<T>(result: GraphQLResult<T>): T {
  if (result.errors || !result.data) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

/** Places an order of `quantity` units of one product, failing the test if it is refused. */
export async function placeOrder(checkout: CheckoutClient, productId: string, quantity = 2) {
  const input = { items: [{ productId, quantity }], shippingAddress: ADDRESS };
  return dataOf(await checkout.createOrder(input)).createOrder;
}

/** A signed-in customer with a checkout client and, when asked, a funded balance. */
export async function customer(
  stack: Stack,
  balance = 0,
): Promise<TestUser & { checkout: CheckoutClient }> {
  const user = await createSignedInUser(stack);
  const checkout = checkoutClient(stack, user.accessToken);
  if (balance > 0) dataOf(await checkout.chargeBalance(balance));
  return { ...user, checkout };
}

/** A product's stock as the products database holds it. */
export async function stockOf(stack: Stack, productId: string) {
  const product = await stack.subgraphs.products.subgraph.models.products
    .findById(productId, { stock: 1, holds: 1 })
    .lean();
  return {
    onHand: product?.stock.onHand,
    reserved: product?.stock.reserved,
    available: product?.stock.available,
    holds: product?.holds?.length ?? 0,
  };
}

/** The order's reservation status at the products subgraph. */
export async function reservationOf(stack: Stack, orderId: string): Promise<string | undefined> {
  const reservation = await stack.subgraphs.products.subgraph.models.reservations
    .findById(orderId)
    .lean();
  return reservation?.status;
}

/** The order as stored, for assertions on what the graph does not show. */
export function storedOrder(stack: Stack, orderId: string) {
  return stack.subgraphs.orders.subgraph.models.orders
    .findById(new Types.ObjectId(orderId), { outbox: 0 })
    .lean();
}

/** The money lines of a user's ledger, oldest first, fences left out. */
export async function ledgerOf(stack: Stack, userId: string) {
  const entries = await stack.subgraphs.orders.subgraph.models.balanceEntries
    .find({ userId, kind: { $ne: 'VOID' } })
    .sort({ seq: 1 })
    .lean();
  return entries.map((entry) => [entry.kind, entry.amount, entry.balanceAfter]);
}
