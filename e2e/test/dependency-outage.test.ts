import { appendFileSync } from 'node:fs';
import { findFreePort, startMongoServer, startRedisServer, type RunningProcess } from '@shop/infra';
import { createSignedInUser, errorCodes, startStack, type Stack, type TestUser } from '../src';

/** How long each dependency is paused: long enough for every deadline to matter. */
const PAUSE_MS = 15_000;
/** A request that needs the paused dependency must have its typed answer within this. */
const ANSWER_WITHIN_MS = 2_500;
const QUERY = '{ me { id } myCart { itemCount } products(first: 1) { totalCount } }';

interface Sample {
  ms: number;
  status: number;
  codes: unknown[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Pauses `server` (SIGSTOP) for PAUSE_MS, querying and checking /ready every few seconds. */
async function duringPause(stack: Stack, user: TestUser, server: RunningProcess) {
  const samples: Sample[] = [];
  const readiness: Array<{ ms: number; status: number }> = [];
  const pid = server.child.pid as number;
  process.kill(pid, 'SIGSTOP');
  const pausedAt = Date.now();
  try {
    while (Date.now() - pausedAt < PAUSE_MS - 2 * ANSWER_WITHIN_MS) {
      let startedAt = Date.now();
      const result = await stack.query(QUERY, {}, { token: user.accessToken });
      samples.push({
        ms: Date.now() - startedAt,
        status: result.status,
        codes: errorCodes(result),
      });
      startedAt = Date.now();
      const ready = await fetch(stack.gatewayUrl.replace('/graphql', '/ready'));
      readiness.push({ ms: Date.now() - startedAt, status: ready.status });
      await sleep(1_000);
    }
    await sleep(Math.max(0, PAUSE_MS - (Date.now() - pausedAt)));
  } finally {
    process.kill(pid, 'SIGCONT');
  }
  return { samples, readiness };
}

/** Polls until the query answers without errors again; the time it took. */
async function recovery(stack: Stack, user: TestUser): Promise<number> {
  const resumedAt = Date.now();
  for (;;) {
    const result = await stack.query(QUERY, {}, { token: user.accessToken });
    const ready = await fetch(stack.gatewayUrl.replace('/graphql', '/ready'));
    if (!result.errors && ready.status === 200) return Date.now() - resumedAt;
    if (Date.now() - resumedAt > 20_000) throw new Error(`no recovery: ${JSON.stringify(result)}`);
    await sleep(250);
  }
}

describe.each([
  ['Redis', (port: number) => startRedisServer({ port }), 'REDIS_URL', 'redis'],
  [
    'MongoDB',
    (port: number) => startMongoServer({ port, backend: 'memory' }),
    'MONGODB_URI',
    'mongodb',
  ],
] as const)('%s paused for 15 s', (_name, startServer, variable, scheme) => {
  let server: RunningProcess;
  let stack: Stack;
  let user: TestUser;

  beforeAll(async () => {
    const port = await findFreePort();
    server = await startServer(port);
    stack = await startStack({ [variable]: `${scheme}://127.0.0.1:${port}` });
    user = await createSignedInUser(stack);
  });
  afterAll(async () => {
    await stack?.stop();
    await server?.stop();
  });

  it('answers typed errors within ~2 s, turns /ready false, and recovers by itself', async () => {
    expect((await stack.query(QUERY, {}, { token: user.accessToken })).errors).toBeUndefined();
    const { samples, readiness } = await duringPause(stack, user, server);
    if (process.env['OUTAGE_REPORT'])
      appendFileSync(
        process.env['OUTAGE_REPORT'],
        `${JSON.stringify({ _name, samples, readiness })}\n`,
      );
    expect(samples.length).toBeGreaterThanOrEqual(2);
    for (const sample of samples) {
      expect(sample.ms).toBeLessThan(ANSWER_WITHIN_MS);
      expect(sample.codes).toContain('SERVICE_UNAVAILABLE');
      expect(sample.codes).not.toContain('INTERNAL_SERVER_ERROR');
      expect([200, 503]).toContain(sample.status);
    }
    for (const ready of readiness) {
      expect(ready.status).toBe(503);
      expect(ready.ms).toBeLessThan(3_000);
    }
    const recoveredMs = await recovery(stack, user);
    if (process.env['OUTAGE_REPORT'])
      appendFileSync(process.env['OUTAGE_REPORT'], `${JSON.stringify({ _name, recoveredMs })}\n`);
    expect(recoveredMs).toBeLessThan(10_000);
  });
});
