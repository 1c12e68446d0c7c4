import type { Clock } from '../src/clock';

/** A clock a test moves forward by hand; it runs on with real time in between. */
export class AdjustableClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
