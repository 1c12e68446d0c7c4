import { CircuitBreaker } from './circuit-breaker';

describe('CircuitBreaker', () => {
  let now = 0;
  const breaker = () =>
    new CircuitBreaker({ failureThreshold: 3, resetAfterMs: 1_000, now: () => now });

  beforeEach(() => {
    now = 0;
  });

  it('opens after consecutive failures and refuses calls while open', () => {
    const circuit = breaker();
    circuit.failed();
    circuit.failed();
    circuit.succeeded();
    circuit.failed();
    circuit.failed();
    expect(circuit.state).toBe('closed');
    circuit.failed();
    expect(circuit.state).toBe('open');
    expect(circuit.tryAcquire()).toBe(false);
  });

  it('lets one trial call through after the reset time, and closes when it succeeds', () => {
    const circuit = breaker();
    for (let i = 0; i < 3; i += 1) circuit.failed();
    now = 1_000;
    expect(circuit.state).toBe('half-open');
    expect(circuit.tryAcquire()).toBe(true);
    expect(circuit.tryAcquire()).toBe(false);
    circuit.succeeded();
    expect(circuit.state).toBe('closed');
    expect(circuit.tryAcquire()).toBe(true);
  });

  it('opens again for a whole period when the trial call fails', () => {
    const circuit = breaker();
    for (let i = 0; i < 3; i += 1) circuit.failed();
    now = 1_500;
    expect(circuit.tryAcquire()).toBe(true);
    circuit.failed();
    expect(circuit.state).toBe('open');
    now = 2_400;
    expect(circuit.tryAcquire()).toBe(false);
    now = 2_500;
    expect(circuit.tryAcquire()).toBe(true);
  });
});
