import type { z } from 'zod';
import { loadConfig, subgraphEnvSchema } from '@shop/config';

export const supportConfigSchema = subgraphEnvSchema('support', 4005);

export type SupportConfig = z.infer<typeof supportConfigSchema>;

export function loadSupportConfig(env: NodeJS.ProcessEnv = process.env): SupportConfig {
  return loadConfig(supportConfigSchema, env);
}
