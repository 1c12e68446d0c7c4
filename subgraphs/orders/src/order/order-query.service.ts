import { Types, type FilterQuery } from 'mongoose';
import { hasRole, requireOwnerOrStaff, requireRole, requireUser, type Identity } from '@shop/auth';
import { NotFoundError, parseInput } from '@shop/errors';
import { WITHOUT_OUTBOX } from '@shop/events';
import {
  boundedCount,
  connectionOf,
  decodeCursor,
  encodeCursor,
  invalidCursor,
  type Connection,
} from '@shop/pagination';
import { z } from 'zod';
import type { OrderLoaders } from './order.loaders';
import type { OrderDocument, OrderModel, OrderStatus } from './order.model';

/** Staff's filter of all orders (API.md `OrderFilter`). */
const orderFilterInput = z
  .object({
    status: z.array(z.string()).nullish(),
    buyerId: z
      .string()
      .regex(/^[0-9a-f]{24}$/i, 'must be a user id')
      .nullish(),
    number: z.string().trim().min(1).max(40).nullish(),
    createdFrom: z.date().nullish(),
    createdTo: z.date().nullish(),
  })
  .nullish();

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** Newest first; the cursor holds the creation time and id of the last order of a page. */
function afterCursor(after: string | null | undefined): FilterQuery<OrderDocument> {
  if (!after) return {};
  const [time, id] = decodeCursor(after, 2);
  if (typeof time !== 'number' || typeof id !== 'string' || !Types.ObjectId.isValid(id)) {
    throw invalidCursor();
  }
  const createdAt = new Date(time);
  return {
    $or: [{ createdAt: { $lt: createdAt } }, { createdAt, _id: { $lt: new Types.ObjectId(id) } }],
  };
}

const cursorOf = (order: OrderDocument) =>
  encodeCursor([order.createdAt.getTime(), order._id.toHexString()]);

/**
 * Reading orders: a buyer's own, and every order for staff (AGENT, ADMIN). An order someone
 * may not see is NOT_FOUND to them, exactly like one that does not exist.
 */
export class OrderQueryService {
  constructor(
    private readonly orders: OrderModel,
    private readonly loaders: OrderLoaders,
  ) {}

  /** An order for its buyer, AGENT or ADMIN. @throws NOT_FOUND for anyone else, or none. */
  async order(identity: Identity | null, id: string): Promise<OrderDocument> {
    const user = requireUser(identity);
    const order = await this.loaders.orderById.load(id);
    if (!order || !mayRead(user, order)) throw new NotFoundError('Order', id);
    return order;
  }

  /** As {@link order}, by the number customers see. */
  async orderByNumber(identity: Identity | null, number: string): Promise<OrderDocument> {
    const user = requireUser(identity);
    const order = await this.orders.findOne({ number }, WITHOUT_OUTBOX).lean<OrderDocument>();
    if (!order || !mayRead(user, order)) throw new NotFoundError('Order', number);
    return order;
  }

  /** An order as the gateway's `_entities` asks for it: null when the caller may not see it. */
  async reference(identity: Identity | null, id: string): Promise<OrderDocument | null> {
    const order = await this.loaders.orderById.load(id);
    return order && identity && mayRead(identity, order) ? order : null;
  }

  /** The signed-in buyer's orders, newest first, optionally of some statuses. */
  async myOrders(
    identity: Identity | null,
    page: PageArgs,
    status?: readonly OrderStatus[] | null,
  ): Promise<Connection<OrderDocument>> {
    const user = requireUser(identity);
    return this.page({ buyerId: user.userId, ...statusIn(status) }, page);
  }

  /** A user's orders for the user themself, AGENT and ADMIN. */
  async ordersOfUser(identity: Identity | null, userId: string, page: PageArgs) {
    requireOwnerOrStaff(identity, userId);
    return this.page({ buyerId: userId }, page);
  }

  /** Every order, filtered, for AGENT and ADMIN. */
  async search(identity: Identity | null, rawFilter: unknown, page: PageArgs) {
    requireRole(identity, 'AGENT', 'ADMIN');
    const filter = parseInput(orderFilterInput, rawFilter, 'filter');
    const query: FilterQuery<OrderDocument> = statusIn(filter?.status as OrderStatus[] | undefined);
    if (filter?.buyerId) query.buyerId = filter.buyerId.toLowerCase();
    if (filter?.number) query.number = filter.number;
    if (filter?.createdFrom || filter?.createdTo) {
      query.createdAt = {
        ...(filter.createdFrom ? { $gte: filter.createdFrom } : {}),
        ...(filter.createdTo ? { $lt: filter.createdTo } : {}),
      };
    }
    return this.page(query, page);
  }

  private async page(filter: FilterQuery<OrderDocument>, { first, after }: PageArgs) {
    const count = boundedCount(first);
    const [rows, total] = await Promise.all([
      this.orders
        .find({ ...filter, ...afterCursor(after) }, WITHOUT_OUTBOX)
        .sort({ createdAt: -1, _id: -1 })
        .limit(count + 1)
        .lean<OrderDocument[]>(),
      this.orders.countDocuments(filter),
    ]);
    return connectionOf(rows, count, total, cursorOf);
  }
}

function mayRead(user: Identity, order: OrderDocument): boolean {
  return order.buyerId === user.userId || hasRole(user, 'AGENT', 'ADMIN');
}

function statusIn(status: readonly OrderStatus[] | null | undefined): FilterQuery<OrderDocument> {
  return status?.length ? { status: { $in: [...status] } } : {};
}
