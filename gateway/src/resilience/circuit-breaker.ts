export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. @defaultValue 5 */
  failureThreshold: number;
  /** How long an open circuit refuses calls before it lets one trial call through. */
  resetAfterMs: number;
  now?: () => number;
}

/**
 * Stops calling a subgraph that keeps failing: after `failureThreshold` consecutive failures
 * calls are refused at once for `resetAfterMs`; then one trial call goes through, and its
 * outcome closes the circuit or opens it again for another period.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): CircuitState {
    if (this.openedAt === null) return 'closed';
    return this.now() - this.openedAt >= this.options.resetAfterMs ? 'half-open' : 'open';
  }

  /** Whether a call may go out now; a half-open circuit lets exactly one through. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  succeeded(): void {
    this.failures = 0;
    this.openedAt = null;
    this.trialInFlight = false;
  }

  failed(): void {
    if (this.trialInFlight || this.openedAt !== null) {
      this.trialInFlight = false;
      this.openedAt = this.now();
      return;
    }
    this.failures += 1;
    if (this.failures >= this.options.failureThreshold) this.openedAt = this.now();
  }
}
