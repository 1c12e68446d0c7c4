import { startCarrierSandbox, type CarrierSandboxOptions } from './carrier-sandbox';
import { startDataPlatformSink, type DataPlatformSinkOptions } from './data-platform-sink';
import { startPgSandbox, type PgSandboxOptions } from './pg-sandbox';

export interface SandboxesOptions {
  pg?: PgSandboxOptions;
  carrier?: CarrierSandboxOptions;
  dataPlatform?: DataPlatformSinkOptions;
}

export interface RunningSandboxes {
  /**
   * What our services need to reach the sandboxes: `PG_BASE_URL`, `PG_SECRET_KEY`,
   * `CARRIER_SANDBOX_URL`, `CARRIER_WEBHOOK_SECRET`, `DATA_PLATFORM_URL` and, when the data
   * platform has one, `DATA_PLATFORM_API_KEY`.
   */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts the PG, carrier and data platform sandboxes (on their default ports unless told
 * otherwise). If one cannot start, those already started are stopped before the error is
 * passed on, so a failed start leaves no port taken.
 */
export async function startSandboxes(options: SandboxesOptions = {}): Promise<RunningSandboxes> {
  const started: Array<{ stop(): Promise<void> }> = [];
  const stop = async () => {
    for (const sandbox of started.reverse()) await sandbox.stop();
  };
  try {
    const pg = await startPgSandbox(options.pg);
    started.push(pg);
    const carrier = await startCarrierSandbox(options.carrier);
    started.push(carrier);
    const dataPlatform = await startDataPlatformSink(options.dataPlatform);
    started.push(dataPlatform);
    const env: Record<string, string> = {
      PG_BASE_URL: pg.url,
      PG_SECRET_KEY: pg.secretKey,
      CARRIER_SANDBOX_URL: carrier.url,
      CARRIER_WEBHOOK_SECRET: carrier.secret,
      DATA_PLATFORM_URL: dataPlatform.url,
    };
    if (dataPlatform.apiKey !== undefined) env['DATA_PLATFORM_API_KEY'] = dataPlatform.apiKey;
    return { env, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
