/** Stops what the global setup started, in reverse order. */
export default async function globalTeardown(): Promise<void> {
  for (const service of (globalThis.__SHOP_TEST_INFRA__ ?? []).reverse()) {
    await service.stop();
  }
}
