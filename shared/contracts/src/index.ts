export * from './products-internal';
