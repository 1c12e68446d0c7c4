export { loadConfig, ConfigError } from './load-config';
export {
  accessTokenSecretSchema,
  baseEnvSchema,
  isDevelopmentSecret,
  secretWithDevelopmentDefault,
  type BaseEnv,
} from './base-env';
export { subgraphEnvSchema } from './subgraph-env';
