import { startTestInfrastructure, type TestInfrastructure } from './test-infrastructure';

declare global {
  var __SHOP_TEST_INFRA__: TestInfrastructure | undefined;
}

/**
 * Starts the infrastructure once per jest run; its addresses travel through the environment,
 * which the test workers inherit.
 */
export default async function globalSetup(): Promise<void> {
  globalThis.__SHOP_TEST_INFRA__ = await startTestInfrastructure();
}
