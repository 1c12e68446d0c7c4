/**
 * Seeds the support desk's demo data, the demo agent's teams: `tsx src/seed/index.ts`. Does
 * nothing in production. Prints one JSON log line `"msg":"seeded"` when done, which `npm start`
 * waits for.
 */
import { createLogger } from '@shop/logger';
import { connectMongo, syncAllIndexes } from '@shop/mongo';
import { agentModel } from '../agent/agent.model';
import { loadSupportConfig } from '../config';
import { seedDemoAgents } from './demo-agents';

async function main() {
  const config = loadSupportConfig();
  const logger = createLogger('support-seed', config.LOG_LEVEL);
  if (config.NODE_ENV === 'production') {
    logger.info({ created: 0, skipped: 'production' }, 'seeded');
    return;
  }
  const connection = await connectMongo({ uri: config.MONGODB_URI, dbName: config.dbName });
  const agents = agentModel(connection);
  await syncAllIndexes(connection);
  const created = await seedDemoAgents(agents);
  logger.info({ created }, 'seeded');
  await connection.close();
}

main().catch((error: unknown) => {
  createLogger('support-seed').fatal({ err: error }, 'seed failed');
  process.exit(1);
});
