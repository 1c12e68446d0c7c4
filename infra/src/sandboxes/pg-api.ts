import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { HeldAnswers } from './held-answers';
import type { InjectedFailures } from './injected-failures';
import { requestFingerprint, type IdempotencyStore } from './pg-idempotency';
import { pgError, type PgAnswer, type PgLedger } from './pg-ledger';
import { parseCancelRequest, parseConfirmRequest } from './pg-requests';
import { bodyRecord, malformedJsonHandler, refuse } from './sandbox-http';
import { type PgPayment } from '@shop/testing';

export interface PgApiParts {
  ledger: PgLedger;
  idempotency: IdempotencyStore;
  failures: InjectedFailures;
  holds: HeldAnswers;
  secretKey: string;
  hangMs(): number;
}

/** Toss allows keys of up to 300 characters. */
const MAX_IDEMPOTENCY_KEY_LENGTH = 300;

/** The PG's `/v1` API, the part our services call. */
export function pgApi(parts: PgApiParts): Router {
  const { ledger } = parts;
  const router = express.Router();
  router.use((req, res, next) => {
    // An injected failure stands for the provider being down: it comes before anything else
    // and changes nothing.
    if (parts.failures.take()) {
      refuse(res, 500, 'PROVIDER_ERROR', 'Temporary provider error (injected by the sandbox)');
    } else if (!hasSecretKey(req.get('authorization'), parts.secretKey)) {
      refuse(res, 401, 'UNAUTHORIZED_KEY', 'Send Basic auth with the secret key and no password');
    } else {
      next();
    }
  });
  router.use(express.json());
  router.post('/tokens', (req, res) =>
    answer(req, res, parts, () => ledger.tokenize(bodyRecord(req.body))),
  );
  router.post('/payments/confirm', (req, res) =>
    answer(req, res, parts, () => {
      const request = parseConfirmRequest(req.body);
      return request.ok ? ledger.confirm(request.value) : invalidRequest(request.message);
    }),
  );
  router.post('/payments/:paymentKey/cancel', (req, res) =>
    answer(req, res, parts, () => {
      const request = parseCancelRequest(req.body);
      return request.ok
        ? ledger.cancel(req.params.paymentKey, request.value)
        : invalidRequest(request.message);
    }),
  );
  router.get('/payments/orders/:orderId', (req, res) => {
    sendFound(res, ledger.findByOrder(req.params.orderId));
  });
  router.get('/payments/:paymentKey', (req, res) => {
    sendFound(res, ledger.find(req.params.paymentKey));
  });
  router.use(malformedJsonHandler('INVALID_REQUEST'));
  return router;
}

/** Runs `handle` once per Idempotency-Key and replays its answer for the same request. */
async function answer(req: Request, res: Response, parts: PgApiParts, handle: () => PgAnswer) {
  const key = req.get('idempotency-key');
  if (key === undefined) return send(res, parts, handle());
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    return refuse(res, 400, 'INVALID_REQUEST', 'Idempotency-Key must be 1 to 300 characters');
  }
  const fingerprint = requestFingerprint(req.method, req.baseUrl + req.path, req.body);
  const recalled = parts.idempotency.recall(key, fingerprint);
  if (recalled === 'other-request') {
    const message = 'This Idempotency-Key was used for a different request';
    return refuse(res, 422, 'IDEMPOTENCY_KEY_MISMATCH', message);
  }
  if (recalled) {
    res.status(recalled.status).set('idempotent-replayed', 'true').type('json').send(recalled.json);
    return;
  }
  const result = handle();
  if (!result.rejectedInput) {
    parts.idempotency.remember(key, fingerprint, {
      status: result.status,
      json: JSON.stringify(result.body),
    });
  }
  await send(res, parts, result);
}

async function send(res: Response, parts: PgApiParts, result: PgAnswer) {
  if (result.hang) await parts.holds.hold(parts.hangMs());
  res.status(result.status).json(result.body);
}

function sendFound(res: Response, payment: PgPayment | undefined) {
  if (payment) res.json(payment);
  else refuse(res, 404, 'NOT_FOUND_PAYMENT', 'No such payment');
}

function invalidRequest(message: string): PgAnswer {
  return { ...pgError(400, 'INVALID_REQUEST', message), rejectedInput: true };
}

/** Toss's scheme: Basic auth whose user is the secret key and whose password is empty. */
function hasSecretKey(header: string | undefined, secretKey: string): boolean {
  if (!header?.startsWith('Basic ')) return false;
  const sent = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(sent), digest(`${secretKey}:`));
}
