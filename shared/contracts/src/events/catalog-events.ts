import { z } from 'zod';
import { defineEvent } from '@shop/events';
import { moneyPayload, objectIdPayload } from './money';

/** A product's listing changed: created, edited, archived, or its on-hand stock was set. */
export const productUpdated = defineEvent(
  'catalog.product.updated',
  z.object({
    productId: objectIdPayload,
    sku: z.string().min(1),
    change: z.enum(['CREATED', 'UPDATED', 'ARCHIVED', 'STOCK_SET']),
    status: z.enum(['ACTIVE', 'ARCHIVED']),
    price: moneyPayload,
    categoryId: objectIdPayload,
    sellerId: z.string().optional(),
  }),
);

/** Units of a product were held, released or committed for an order, or on-hand was set. */
export const stockChanged = defineEvent(
  'catalog.stock.changed',
  z.object({
    productId: objectIdPayload,
    change: z.enum(['RESERVED', 'RELEASED', 'COMMITTED', 'SET', 'RESTOCKED']),
    orderId: z.string().optional(),
    quantity: z.number().int().optional(),
    onHand: z.number().int().optional(),
    previousOnHand: z.number().int().optional(),
  }),
);
