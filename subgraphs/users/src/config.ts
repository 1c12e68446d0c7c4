import type { z } from 'zod';
import { loadConfig, subgraphEnvSchema } from '@shop/config';

export const usersConfigSchema = subgraphEnvSchema('users', 4001);

export type UsersConfig = z.infer<typeof usersConfigSchema>;

export function loadUsersConfig(env: NodeJS.ProcessEnv = process.env): UsersConfig {
  return loadConfig(usersConfigSchema, env);
}
