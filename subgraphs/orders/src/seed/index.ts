/**
 * Seeds the orders subgraph's demo data: `tsx src/seed/index.ts`. Does nothing in production.
 * Prints one JSON log line `"msg":"seeded"` when done, which `npm start` waits for.
 */
import { createLogger } from '@shop/logger';
import { connectMongo, syncAllIndexes } from '@shop/mongo';
import { BalanceLedger } from '../balance/balance-ledger';
import { balanceEntryModel, balanceModel } from '../balance/balance.model';
import { loadOrdersConfig } from '../config';
import { couponCampaignModel } from '../coupon/coupon-campaign.model';
import { couponModel } from '../coupon/coupon.model';
import { seedDemoBalances } from './demo-balances';
import { seedDemoCoupons } from './demo-coupons';

async function main() {
  const config = loadOrdersConfig();
  const logger = createLogger('orders-seed', config.LOG_LEVEL);
  if (config.NODE_ENV === 'production') {
    logger.info({ charged: false, campaigns: 0, skipped: 'production' }, 'seeded');
    return;
  }
  const connection = await connectMongo({ uri: config.MONGODB_URI, dbName: config.dbName });
  const ledger = new BalanceLedger(
    balanceModel(connection),
    balanceEntryModel(connection),
    config.CART_CURRENCY,
  );
  const coupons = { campaigns: couponCampaignModel(connection), coupons: couponModel(connection) };
  await syncAllIndexes(connection);
  const charged = await seedDemoBalances(ledger);
  const campaigns = await seedDemoCoupons(coupons.campaigns, coupons.coupons);
  logger.info({ charged, campaigns }, 'seeded');
  await connection.close();
}

main().catch((error: unknown) => {
  createLogger('orders-seed').fatal({ err: error }, 'seed failed');
  process.exit(1);
});
