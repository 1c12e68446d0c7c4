import { z } from 'zod';

/** Money in events: an integer amount in minor units and an ISO currency. */
export const moneyPayload = z.object({ amount: z.number().int(), currency: z.string().length(3) });

/** A MongoDB object id as events carry it: 24 hex characters. */
export const objectIdPayload = z.string().regex(/^[0-9a-f]{24}$/i, 'must be an object id');
