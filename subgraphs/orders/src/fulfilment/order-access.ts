import { hasRole, type Identity } from '@shop/auth';
import { ForbiddenError, NotFoundError } from '@shop/errors';
import { WITHOUT_OUTBOX } from '@shop/events';
import { isObjectIdString } from '@shop/mongo';
import type { ProductsClient } from '../clients/products.client';
import type { Actor } from '../order/order-state';
import type { OrderDocument, OrderModel } from '../order/order.model';

/** The order as stored (no outbox), or null for an unknown or malformed id. */
export async function findOrder(orders: OrderModel, orderId: string) {
  if (!isObjectIdString(orderId)) return null;
  return orders.findById(orderId, WITHOUT_OUTBOX).lean<OrderDocument>();
}

/**
 * Who ships an order: an ADMIN, or a SELLER whose products make up every line of it (asked of
 * the products subgraph). The buyer and AGENTs, who may read the order, are FORBIDDEN; anyone
 * else gets NOT_FOUND, as if the order did not exist.
 */
export async function fulfilmentActor(
  identity: Identity,
  order: OrderDocument,
  products: ProductsClient,
): Promise<Actor> {
  if (hasRole(identity, 'ADMIN')) return { role: 'ADMIN', id: identity.userId };
  if (hasRole(identity, 'SELLER')) {
    const found = await products.lookup(order.lines.map((line) => line.productId));
    if (found.every((product) => product?.sellerId === identity.userId)) {
      return { role: 'SELLER', id: identity.userId };
    }
  }
  if (order.buyerId === identity.userId || hasRole(identity, 'AGENT')) {
    throw new ForbiddenError('Only an ADMIN or the seller of its products ships an order');
  }
  throw new NotFoundError('Order', order._id.toHexString());
}
