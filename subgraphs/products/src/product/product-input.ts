import { z } from 'zod';

const tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} -]*$/u, 'letters, digits, spaces and dashes');
const money = z.object({
  // GraphQL's Int is 32-bit: a larger amount could be stored but never read back.
  amount: z.number().int().min(0).max(2_147_483_647),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as KRW')
    .nullish()
    .transform((currency) => currency ?? 'KRW'),
});
const image = z
  .string()
  .trim()
  .max(500)
  .regex(/^(https?:\/\/|\/)\S+$/, 'an http(s) URL or an absolute path');

const editable = {
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(5_000),
  price: money,
  categoryId: z.string().regex(/^[0-9a-f]{24}$/i, 'a category id'),
  tags: z
    .array(tag)
    .max(20)
    .transform((tags) => [...new Set(tags)]),
  images: z.array(image).max(10),
};

export const createProductInput = z.object({
  ...editable,
  sku: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/, '3 to 40 letters, digits and dashes')
    .nullish(),
  tags: editable.tags.nullish(),
  images: editable.images.nullish(),
  stock: z.number().int().min(0).max(1_000_000_000),
});
export type CreateProductValues = z.infer<typeof createProductInput>;

/** Absent fields (and, after {@link withoutNulls}, null ones) are left unchanged. */
export const updateProductInput = z
  .object({
    name: editable.name.optional(),
    description: editable.description.optional(),
    price: money.optional(),
    categoryId: editable.categoryId.optional(),
    tags: editable.tags.optional(),
    images: editable.images.optional(),
  })
  .strict();
export type UpdateProductValues = z.infer<typeof updateProductInput>;

export const stockQuantity = z.number().int().min(0).max(1_000_000_000);

/** Drops null values GraphQL sends for omitted optional fields of an update. */
export function withoutNulls(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null));
}
