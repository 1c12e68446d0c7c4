export * from './identity';
export * from './gateway-signature';
export * from './guards';
export * from './access-token';
export * from './internal-signature';
