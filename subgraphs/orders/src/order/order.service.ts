import { requireOwnerOrStaff, type Identity } from '@shop/auth';
import { boundedCount } from '@shop/pagination';
import type { OrderLoaders } from './order.loaders';
import type { OrderDocument, OrderModel } from './order.model';

export class OrderService {
  constructor(
    private readonly orders: OrderModel,
    private readonly loaders: OrderLoaders,
  ) {}

  /** A user's orders, newest first, for the user themself and staff (AGENT, ADMIN). */
  async ordersOfUser(
    userId: string,
    first: number,
    identity: Identity | null,
  ): Promise<OrderDocument[]> {
    requireOwnerOrStaff(identity, userId);
    return this.orders
      .find({ userId })
      .sort({ createdAt: -1 })
      .limit(boundedCount(first))
      .lean<OrderDocument[]>();
  }

  /** An order by id, for its owner and staff; null when it does not exist. */
  async orderById(id: string, identity: Identity | null): Promise<OrderDocument | null> {
    const order = await this.loaders.orderById.load(id);
    if (order) requireOwnerOrStaff(identity, order.userId);
    return order;
  }
}
