/** Stops what the global setup started. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__SHOP_TEST_INFRA__?.stop();
}
