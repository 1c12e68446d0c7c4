export * from './error-codes';
export * from './app-errors';
export { formatError } from './format-error';
export { parseInput } from './parse-input';
