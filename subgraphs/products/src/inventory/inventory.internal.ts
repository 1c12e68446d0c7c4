import {
  INVENTORY_INTERNAL,
  reservationRequest,
  reserveStockRequest,
  restockRequest,
  type ReservationResponse,
  type RestockResponse,
} from '@shop/contracts';
import { parseInput } from '@shop/errors';
import type { InternalRoute } from '@shop/service';
import type { InventoryService } from './inventory.service';

/** Reserve, commit, release and restock: the orders subgraph's internal inventory API. */
export function inventoryInternalRoutes(inventory: InventoryService): InternalRoute[] {
  return [
    {
      path: INVENTORY_INTERNAL.reserve,
      callers: ['orders'],
      handle: (body): Promise<ReservationResponse> =>
        inventory.reserve(parseInput(reserveStockRequest, body)),
    },
    {
      path: INVENTORY_INTERNAL.commit,
      callers: ['orders'],
      handle: (body): Promise<ReservationResponse> =>
        inventory.commit(parseInput(reservationRequest, body).orderId),
    },
    {
      path: INVENTORY_INTERNAL.release,
      callers: ['orders'],
      handle: (body): Promise<ReservationResponse> =>
        inventory.release(parseInput(reservationRequest, body).orderId),
    },
    {
      path: INVENTORY_INTERNAL.restock,
      callers: ['orders'],
      handle: (body): Promise<RestockResponse> =>
        inventory.restock(parseInput(restockRequest, body)),
    },
  ];
}
