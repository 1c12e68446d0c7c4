/**
 * Seeds the demo accounts of API.md: `tsx src/seed/index.ts`. Does nothing in production.
 * Prints one JSON log line `"msg":"seeded"` when done, which `npm start` waits for.
 */
import { createLogger } from '@shop/logger';
import { connectMongo, syncAllIndexes } from '@shop/mongo';
import { PasswordHasher } from '../auth/password-hasher';
import { loadUsersConfig } from '../config';
import { userModel } from '../user/user.model';
import { seedDemoUsers } from './demo-users';

async function main() {
  const config = loadUsersConfig();
  const logger = createLogger('users-seed', config.LOG_LEVEL);
  if (config.NODE_ENV === 'production') {
    logger.info({ created: 0, skipped: 'production' }, 'seeded');
    return;
  }
  const connection = await connectMongo({ uri: config.MONGODB_URI, dbName: config.dbName });
  const users = userModel(connection);
  await syncAllIndexes(connection);
  const created = await seedDemoUsers(users, new PasswordHasher());
  logger.info({ created }, 'seeded');
  await connection.close();
}

main().catch((error: unknown) => {
  createLogger('users-seed').fatal({ err: error }, 'seed failed');
  process.exit(1);
});
