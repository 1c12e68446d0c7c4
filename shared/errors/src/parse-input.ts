import type { z } from 'zod';
import { BadUserInputError } from './app-errors';

/**
 * Validates client input with a zod schema; the first problem becomes BAD_USER_INPUT naming the
 * field (`input.price.amount`), so every service reports bad input the same way and changes
 * nothing.
 */
export function parseInput<TSchema extends z.ZodType>(
  schema: TSchema,
  input: unknown,
  fieldPrefix?: string,
): z.output<TSchema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = [fieldPrefix, ...(issue?.path ?? [])].filter((part) => part !== undefined);
  const field = path.join('.');
  const message = issue?.message ?? 'Invalid input';
  throw new BadUserInputError(field ? `${field}: ${message}` : message, field || undefined);
}
