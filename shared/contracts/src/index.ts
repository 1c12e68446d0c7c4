export * from './products-internal';
export * from './inventory-internal';
export * from './users-internal';
export * from './orders-internal';
export * from './cart-internal';
export * from './events';
export * from './demo-accounts';
