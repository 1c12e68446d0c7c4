import type { z } from 'zod';
import { isDevelopmentSecret } from './base-env';

/** Raised when the environment does not satisfy a service's configuration schema. */
export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment with a zod schema. Every problem is reported with the variable it
 * concerns, so a bad deployment stops at start-up with a message an operator can act on; in
 * production, every variable still holding a development secret is such a problem.
 * This is the only place in the code base that reads `process.env`.
 */
export function loadConfig<Schema extends z.ZodType>(
  schema: Schema,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<Schema> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  const values = result.data as Record<string, unknown>;
  if (values['NODE_ENV'] === 'production') {
    const leaked = Object.keys(values).filter((key) => isDevelopmentSecret(values[key]));
    if (leaked.length) {
      throw new ConfigError(
        leaked.map((key) => `${key}: must be set to a secret of your own in production`),
      );
    }
  }
  return result.data;
}
