import {
  ORDERS_INTERNAL,
  orderSummariesResponse,
  type OrderSummariesRequest,
  type OrderSummary,
} from '@shop/contracts';
import type { InternalClient } from '@shop/service';

/** Who bought an order, what it holds, costs and where it stands, from the orders subgraph. */
export class OrderSummariesClient {
  constructor(private readonly client: InternalClient) {}

  /** The summary of one order, or null when the orders subgraph does not know it. */
  async summary(orderId: string): Promise<OrderSummary | null> {
    const request: OrderSummariesRequest = { ids: [orderId] };
    const response = await this.client.post<unknown>(ORDERS_INTERNAL.summaries, request);
    return orderSummariesResponse.parse(response).orders[0] ?? null;
  }
}
