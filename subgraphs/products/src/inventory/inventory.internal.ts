import {
  INVENTORY_INTERNAL,
  reservationRequest,
  reserveStockRequest,
  type ReservationResponse,
} from '@shop/contracts';
import { BadUserInputError } from '@shop/errors';
import type { InternalRoute } from '@shop/service';
import type { z } from 'zod';
import type { InventoryService } from './inventory.service';

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') || undefined;
    throw new BadUserInputError(`${field ?? 'body'}: ${issue?.message ?? 'invalid'}`, field);
  }
  return result.data;
}

/** Reserve, commit and release stock: the orders subgraph's internal inventory API. */
export function inventoryInternalRoutes(inventory: InventoryService): InternalRoute[] {
  return [
    {
      path: INVENTORY_INTERNAL.reserve,
      callers: ['orders'],
      handle: (body): Promise<ReservationResponse> =>
        inventory.reserve(parse(reserveStockRequest, body)),
    },
    {
      path: INVENTORY_INTERNAL.commit,
      callers: ['orders'],
      handle: (body): Promise<ReservationResponse> =>
        inventory.commit(parse(reservationRequest, body).orderId),
    },
    {
      path: INVENTORY_INTERNAL.release,
      callers: ['orders'],
      handle: (body): Promise<ReservationResponse> =>
        inventory.release(parse(reservationRequest, body).orderId),
    },
  ];
}
