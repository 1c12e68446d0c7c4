import type { Connection } from 'mongoose';

/** Carts live in Redis: the cart owns no MongoDB collection. */
export function cartModels(_connection: Connection): Record<string, never> {
  return {};
}

export type CartModels = ReturnType<typeof cartModels>;
