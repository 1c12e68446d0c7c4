/**
 * Seeds the demo catalog: `tsx src/seed/index.ts [--scale N]` (default 1,000 products).
 * Prints one JSON log line `"msg":"seeded"` when done, which `npm start` waits for.
 */
import { parseArgs } from 'node:util';
import { createLogger } from '@shop/logger';
import { connectMongo, syncAllIndexes } from '@shop/mongo';
import { loadProductsConfig } from '../config';
import { categoryModel } from '../category/category.model';
import { productModel } from '../product/product.model';
import { seedCatalog } from './seed-catalog';

async function main() {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '1000' } } });
  const count = Number(values.scale);
  if (!Number.isInteger(count) || count < 1) throw new Error('--scale must be a positive integer');
  const config = loadProductsConfig();
  const logger = createLogger('products-seed', config.LOG_LEVEL);
  const connection = await connectMongo({ uri: config.MONGODB_URI, dbName: config.dbName });
  productModel(connection);
  categoryModel(connection);
  await syncAllIndexes(connection);
  const startedAt = Date.now();
  const { inserted } = await seedCatalog(connection, count);
  logger.info({ inserted, target: count, ms: Date.now() - startedAt }, 'seeded');
  await connection.close();
}

main().catch((error: unknown) => {
  createLogger('products-seed').fatal({ err: error }, 'seed failed');
  process.exit(1);
});
