const unit = require('@shop/testing/jest.unit');

/**
 * Jest settings for integration tests: the global setup starts a private Redis, an in-memory
 * mongo-java-server and the mail and SMS sinks on free ports (unless MONGODB_URI / REDIS_URL
 * point at real servers), and the teardown stops them. It lives in infra, which starts
 * processes, so that the shared packages never depend on it in their code.
 */
module.exports = {
  ...unit,
  globalSetup: require.resolve('./src/testing/global-setup.ts'),
  globalTeardown: require.resolve('./src/testing/global-teardown.ts'),
  testTimeout: 60_000,
  // Test files share the infrastructure but not its data; running them in band keeps the
  // two-core machines responsive and the JVM-backed server unsaturated.
  maxWorkers: 1,
};
