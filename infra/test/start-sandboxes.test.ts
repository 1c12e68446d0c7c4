import { createServer } from 'node:net';
import { findFreePort, isPortInUse } from '../src/servers/free-port';
import { startSandboxes } from '../src/sandboxes/start-sandboxes';

describe('startSandboxes', () => {
  it('starts the three sandboxes and publishes how to reach them', async () => {
    const sandboxes = await startSandboxes({
      pg: { port: 0, secretKey: 'test_sk_wiring' },
      carrier: { port: 0, secret: 'carrier-wiring' },
      dataPlatform: { port: 0, apiKey: 'dp-wiring' },
    });
    try {
      const { env } = sandboxes;
      expect(Object.keys(env).sort()).toEqual([
        'CARRIER_SANDBOX_URL',
        'CARRIER_WEBHOOK_SECRET',
        'DATA_PLATFORM_API_KEY',
        'DATA_PLATFORM_URL',
        'PG_BASE_URL',
        'PG_SECRET_KEY',
      ]);
      expect([env['PG_SECRET_KEY'], env['CARRIER_WEBHOOK_SECRET']]).toEqual([
        'test_sk_wiring',
        'carrier-wiring',
      ]);
      expect(env['DATA_PLATFORM_API_KEY']).toBe('dp-wiring');
      const statuses = await Promise.all([
        fetch(`${env['PG_BASE_URL']}/api/payments`),
        fetch(`${env['CARRIER_SANDBOX_URL']}/api/webhooks`),
        fetch(`${env['DATA_PLATFORM_URL']}/api/events`),
      ]);
      expect(statuses.map((response) => response.status)).toEqual([200, 200, 200]);
    } finally {
      await sandboxes.stop();
    }
  });

  it('generates secrets when none are given and leaves the API key out', async () => {
    const sandboxes = await startSandboxes({
      pg: { port: 0 },
      carrier: { port: 0 },
      dataPlatform: { port: 0 },
    });
    await sandboxes.stop();
    expect(sandboxes.env['PG_SECRET_KEY']).toMatch(/^test_sk_[0-9a-f]{32}$/);
    expect(sandboxes.env['CARRIER_WEBHOOK_SECRET']).toMatch(/^[0-9a-f]{64}$/);
    expect(sandboxes.env).not.toHaveProperty('DATA_PLATFORM_API_KEY');
  });

  it('stops the sandboxes already started when one cannot start', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const busyPort = (busy.address() as { port: number }).port;
    const pgPort = await findFreePort();
    try {
      await expect(
        startSandboxes({ pg: { port: pgPort }, carrier: { port: busyPort } }),
      ).rejects.toThrow(/EADDRINUSE/);
      expect(await isPortInUse(pgPort)).toBe(false);
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });
});
