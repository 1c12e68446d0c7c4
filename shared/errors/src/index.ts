export * from './error-codes';
export * from './app-errors';
export { formatError, type FormatErrorOptions, type MaskedErrorLogger } from './format-error';
export { isDependencyFailure } from './dependency-failure';
export { QueryLimitError } from './query-limit-error';
export { parseInput } from './parse-input';
