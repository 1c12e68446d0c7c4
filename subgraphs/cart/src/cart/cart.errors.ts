import { AppError } from '@shop/errors';

/** The product cannot be added in that quantity: sold out, archived or too few units. */
export class OutOfStockError extends AppError {
  constructor(productId: string, availableQuantity: number) {
    super(
      'OUT_OF_STOCK',
      availableQuantity > 0
        ? `Only ${availableQuantity} units of product ${productId} are available`
        : `Product ${productId} is not available`,
      { productId, availableQuantity },
    );
  }
}
