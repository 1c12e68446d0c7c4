import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { uniqueName, waitFor } from '@shop/testing';
import { startWorkers } from '../src/server';
import { deliveredOnce, producerFor, testConfig, uniqueAddress } from './helpers';

/** An SMTP server that accepts connections and never answers: a delivery that hangs. */
async function startSilentSmtp(): Promise<{ port: number; server: Server; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, server, sockets };
}

/** Runs `workers/src/index.ts` in its own process, as `npm start` does. */
async function startWorkerProcess(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/src/index.ts'], {
    cwd: join(__dirname, '../..'),
    env: { ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(
    'the worker process to start',
    async () => (output.includes('"msg":"workers started"') ? true : undefined),
    { timeoutMs: 30_000 },
  );
  return child;
}

describe('a worker killed in the middle of a job', () => {
  it('loses no mail: another worker takes the job over and sends it once', async () => {
    const config = testConfig();
    const silent = await startSilentSmtp();
    const env = {
      ...process.env,
      QUEUE_PREFIX: config.QUEUE_PREFIX,
      WORKER_LOCK_MS: '1000',
      SMTP_PORT: String(silent.port),
    };
    const child = await startWorkerProcess(env);
    const producer = producerFor(config);
    const to = uniqueAddress();
    await producer.sendEmail({ eventId: uniqueName('evt'), to, name: 'Bo', template: 'welcome' });
    await waitFor('the job to be taken', async () =>
      silent.sockets.length > 0 && (await producer.emailQueue.getActiveCount()) === 1
        ? true
        : undefined,
    );
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    for (const socket of silent.sockets) socket.destroy();
    silent.server.close();

    const survivor = startWorkers(config);
    try {
      expect(await deliveredOnce(to)).toHaveLength(1);
    } finally {
      await survivor.stop();
      await producer.close();
    }
  });
});
