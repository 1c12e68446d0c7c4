export * from './products-internal';
export * from './inventory-internal';
export * from './events';
