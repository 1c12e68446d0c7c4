import { randomBytes } from 'node:crypto';
import express from 'express';
import { HeldAnswers } from './held-answers';
import { failuresRoute, InjectedFailures } from './injected-failures';
import { pgApi } from './pg-api';
import { IdempotencyStore } from './pg-idempotency';
import { PgLedger } from './pg-ledger';
import {
  bodyRecord,
  malformedJsonHandler,
  refuse,
  serveSandbox,
  type RunningSandbox,
} from './sandbox-http';

export interface PgSandboxOptions {
  /** @defaultValue 8027 (0 picks a free port) */
  port?: number;
  /** @defaultValue '127.0.0.1' */
  host?: string;
  /**
   * The secret key clients send as the Basic auth user. @defaultValue a random `test_sk_…` key
   */
  secretKey?: string;
  /**
   * How long the hanging test card holds its answer; `PUT /api/config {hangMs}` changes it
   * while running. @defaultValue 30000
   */
  hangMs?: number;
}

export interface RunningPgSandbox extends RunningSandbox {
  secretKey: string;
}

/** Ten minutes: longer holds only make a forgotten test hang. */
const MAX_HANG_MS = 600_000;

/**
 * A card payment gateway in the style of Toss Payments, with test cards that approve,
 * decline and hang (see `docs/sandboxes.md`). Besides its `/v1` API it has a test API without
 * auth: `GET`/`DELETE /api/payments`, `POST /api/failures {count}` (the next n `/v1` calls
 * answer 500 `PROVIDER_ERROR`) and `GET`/`PUT /api/config {hangMs}`.
 */
export async function startPgSandbox(options: PgSandboxOptions = {}): Promise<RunningPgSandbox> {
  const secretKey = options.secretKey ?? `test_sk_${randomBytes(16).toString('hex')}`;
  let hangMs = options.hangMs ?? 30_000;
  const ledger = new PgLedger();
  const idempotency = new IdempotencyStore();
  const failures = new InjectedFailures();
  const holds = new HeldAnswers();

  const app = express();
  app.use('/v1', pgApi({ ledger, idempotency, failures, holds, secretKey, hangMs: () => hangMs }));
  app.get('/api/payments', (_req, res) => {
    res.json(ledger.list());
  });
  app.delete('/api/payments', (_req, res) => {
    ledger.clear();
    idempotency.clear();
    res.status(204).end();
  });
  app.use(failuresRoute(failures));
  app.get('/api/config', (_req, res) => {
    res.json({ hangMs });
  });
  app.put('/api/config', express.json(), (req, res) => {
    const requested = bodyRecord(req.body)['hangMs'];
    if (!Number.isInteger(requested) || Number(requested) < 0 || Number(requested) > MAX_HANG_MS) {
      refuse(res, 400, 'INVALID_REQUEST', `hangMs must be a whole number from 0 to ${MAX_HANG_MS}`);
      return;
    }
    hangMs = Number(requested);
    res.json({ hangMs });
  });
  app.use(malformedJsonHandler('INVALID_REQUEST'));

  const server = await serveSandbox(app, options.port ?? 8027, options.host ?? '127.0.0.1');
  return {
    ...server,
    secretKey,
    async stop() {
      holds.releaseAll();
      await server.stop();
    },
  };
}
