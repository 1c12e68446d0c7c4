import { resolve } from 'node:path';
import { startProcess, type RunningProcess } from '@shop/infra';
import type { Stack } from '../src';

const ROOT = resolve(__dirname, '../..');

/**
 * The crash harness: the orders subgraph as a child process behind the stack's gateway (started
 * with `external: { orders: port }`), on the stack's databases and queue prefix. Armed with
 * ORDERS_CRASH_AT (a test hook, refused outside NODE_ENV=test), a saga stops for good at that
 * step and logs it, and `reached` resolves; the test then kills the process with SIGKILL, as a
 * crash would leave it, and starts it again without the hook on the same database and port.
 */
export async function startOrdersProcess(stack: Stack, port: number, crashAt?: string) {
  let crashed: () => void = () => undefined;
  const reached = new Promise<void>((done) => (crashed = done));
  const child: RunningProcess = await startProcess({
    name: `orders${crashAt ? ` (crash at ${crashAt})` : ''}`,
    command: process.execPath,
    args: ['--import', 'tsx', 'subgraphs/orders/src/index.ts'],
    cwd: ROOT,
    env: {
      ...stack.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      ORDERS_PORT: String(port),
      ...(crashAt ? { ORDERS_CRASH_AT: crashAt } : {}),
    },
    readyWhen: /"msg":"listening"/,
    timeoutMs: 90_000,
    onLine: (line) => {
      if (line.includes('"msg":"crash point reached"')) crashed();
    },
  });
  return { child, reached };
}

/** Kills the process as a crash would (SIGKILL: no shutdown hooks) and waits until it is gone. */
export async function killed(child: RunningProcess): Promise<void> {
  const exited = new Promise((done) => child.child.once('exit', done));
  child.child.kill('SIGKILL');
  await exited;
}
