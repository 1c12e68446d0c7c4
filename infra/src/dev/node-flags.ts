/**
 * V8 flags a service's process starts with, beyond Node's defaults.
 *
 * The products subgraph holds the catalog's read model (about 480 MB of heap at 100,000
 * products). With Node's 16 MB young generation, a listing's short-lived objects outlive a
 * scavenge under load and are promoted, and the old generation of that size then collects often
 * enough to show in p99; a 64 MB semi-space keeps them young (`e2e/bench/catalog.bench.ts`: p99
 * of a listing page at 20 clients from 51–78 ms to 45 ms). `infra/docker-compose.yml` starts it
 * the same way.
 */
export const NODE_FLAGS: Readonly<Record<string, readonly string[]>> = {
  products: ['--max-semi-space-size=64'],
};
