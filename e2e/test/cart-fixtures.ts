import { Types, type Collection } from 'mongoose';
import { seedCatalog } from '@shop/products-subgraph';
import { createSignedInUser, type GraphQLResult, type Stack } from '../src';

export interface ProductState {
  /** Price in KRW. */
  price?: number;
  /** Units available (on hand, none reserved). */
  available?: number;
  status?: 'ACTIVE' | 'ARCHIVED';
}

/** The catalog mutations of the public contract, as an ADMIN calls them. */
const CATALOG_MUTATIONS = {
  price: `mutation ($id: ID!, $value: Int!) {
    updateProduct(id: $id, input: { price: { amount: $value, currency: "KRW" } }) { id } }`,
  available: `mutation ($id: ID!, $value: Int!) { setStock(productId: $id, quantity: $value) { id } }`,
  archive: `mutation ($id: ID!) { archiveProduct(id: $id) { id } }`,
};

/**
 * Seed builder for the products the cart tests use: the products subgraph's own catalog seed,
 * then each product taken is given the price, stock and status a test states.
 */
export class CartCatalog {
  private unused: string[] = [];

  private constructor(
    private readonly stack: Stack,
    private readonly products: Collection,
    private readonly adminToken: string,
  ) {}

  static async seed(stack: Stack, count: number): Promise<CartCatalog> {
    const connection = stack.subgraphs.products.subgraph.runtime.mongo;
    await seedCatalog(connection, count);
    const admin = await createSignedInUser(stack, { roles: ['ADMIN'] });
    const catalog = new CartCatalog(stack, connection.collection('products'), admin.accessToken);
    const ids = await catalog.products
      .find({}, { projection: { _id: 1 } })
      .sort({ sku: 1 })
      .toArray();
    catalog.unused = ids.map((product) => String(product._id));
    return catalog;
  }

  /**
   * A product no other test uses, in the state given (defaults: 10,000 KRW, 100 available).
   * Nothing has read it yet, so its starting state is written straight into the seed.
   */
  async take(state: ProductState = {}): Promise<string> {
    const id = this.unused.shift();
    if (!id) throw new Error('the seeded catalog has no product left; seed more');
    await this.write(id, { price: 10_000, available: 100, status: 'ACTIVE', ...state });
    return id;
  }

  /**
   * Changes a product the way an ADMIN does, through the gateway, so the products subgraph sees
   * the change as it would in production, its caches included.
   */
  async set(id: string, state: ProductState): Promise<void> {
    if (state.status === 'ACTIVE') throw new Error('the contract has no way to unarchive');
    const calls: Array<[query: string, value?: number]> = [];
    if (state.price !== undefined) calls.push([CATALOG_MUTATIONS.price, state.price]);
    if (state.available !== undefined) calls.push([CATALOG_MUTATIONS.available, state.available]);
    if (state.status === 'ARCHIVED') calls.push([CATALOG_MUTATIONS.archive]);
    for (const [query, value] of calls) {
      const variables = value === undefined ? { id } : { id, value };
      const result = await this.stack.query(query, variables, { token: this.adminToken });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
    }
  }

  private async write(id: string, state: ProductState): Promise<void> {
    const update: Record<string, unknown> = { updatedAt: new Date() };
    if (state.price !== undefined) update['price'] = { amount: state.price, currency: 'KRW' };
    if (state.available !== undefined)
      update['stock'] = { onHand: state.available, reserved: 0, available: state.available };
    if (state.status) update['status'] = state.status;
    await this.products.updateOne({ _id: new Types.ObjectId(id) }, { $set: update });
    // Written around the services: tell the products read model, as a catalog mutation would,
    // in case something (another test's listing, _entities) already built it.
    await this.stack.subgraphs.products.subgraph.services.searchIndex.refreshIfBuilt([id]);
  }
}

/** Every field of a cart, with the product's own fields resolved by the products subgraph. */
export const CART_FIELDS = `
  id itemCount updatedAt purchasable
  subtotal { amount currency } shippingFee { amount currency }
  discount { amount currency } total { amount currency }
  items {
    quantity stockStatus purchasable
    unitPrice { amount currency } lineTotal { amount currency }
    product { id name price { amount } stockStatus availableQuantity purchasable }
  }
`;

export interface CartView {
  id: string;
  itemCount: number;
  updatedAt: string;
  purchasable: boolean;
  subtotal: { amount: number; currency: string };
  shippingFee: { amount: number; currency: string };
  discount: { amount: number; currency: string };
  total: { amount: number; currency: string };
  items: Array<{
    quantity: number;
    stockStatus: string;
    purchasable: boolean;
    unitPrice: { amount: number; currency: string };
    lineTotal: { amount: number; currency: string };
    product: {
      id: string;
      name: string;
      price: { amount: number };
      stockStatus: string;
      availableQuantity: number;
      purchasable: boolean;
    };
  }>;
}

/** The cart operations of the public contract, as one signed-in user calls them. */
export function cartClient(stack: Stack, token?: string) {
  const run = <K extends string>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResult<Record<K, CartView>>> =>
    stack.query<Record<K, CartView>>(query, variables, token ? { token } : {});
  return {
    myCart: () => run<'myCart'>(`{ myCart { ${CART_FIELDS} } }`),
    add: (productId: string, quantity: number) =>
      run<'addToCart'>(
        `mutation ($productId: ID!, $quantity: Int!) { addToCart(productId: $productId, quantity: $quantity) { ${CART_FIELDS} } }`,
        { productId, quantity },
      ),
    update: (productId: string, quantity: number) =>
      run<'updateCartItem'>(
        `mutation ($productId: ID!, $quantity: Int!) { updateCartItem(productId: $productId, quantity: $quantity) { ${CART_FIELDS} } }`,
        { productId, quantity },
      ),
    remove: (productId: string) =>
      run<'removeFromCart'>(
        `mutation ($productId: ID!) { removeFromCart(productId: $productId) { ${CART_FIELDS} } }`,
        { productId },
      ),
    clear: () => run<'clearCart'>(`mutation { clearCart { ${CART_FIELDS} } }`),
  };
}

export type CartClient = ReturnType<typeof cartClient>;

/** Product ids and quantities of a cart, in order, for compact assertions. */
export function linesOf(cart: CartView | undefined | null): Array<[string, number]> {
  return (cart?.items ?? []).map((item) => [item.product.id, item.quantity]);
}
