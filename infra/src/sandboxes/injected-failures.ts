import express, { type Router } from 'express';
import { bodyRecord, refuse } from './sandbox-http';

/** Failures a test asked a sandbox to answer next, the way a flaky provider would. */
export class InjectedFailures {
  private remaining = 0;

  failNext(count: number): void {
    this.remaining = count;
  }

  get pending(): number {
    return this.remaining;
  }

  /** True when this call should fail; consumes one injected failure. */
  take(): boolean {
    if (this.remaining <= 0) return false;
    this.remaining -= 1;
    return true;
  }
}

/**
 * `POST /api/failures {"count": n}`: the next n calls fail. A count that is not a whole number
 * from 0 to 1000 is refused rather than guessed, so a typo in a test fails loudly.
 */
export function failuresRoute(failures: InjectedFailures): Router {
  const router = express.Router();
  router.post('/api/failures', express.json(), (req, res) => {
    const count = bodyRecord(req.body)['count'];
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 1000) {
      refuse(res, 400, 'INVALID_REQUEST', 'count must be a whole number from 0 to 1000');
      return;
    }
    failures.failNext(count);
    res.json({ failuresToInject: failures.pending });
  });
  return router;
}
