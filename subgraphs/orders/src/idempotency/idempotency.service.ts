import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Types } from 'mongoose';
import { AppError, ConflictError, parseInput } from '@shop/errors';
import { idempotencyKeyInput } from '../order/order-input';
import type {
  IdempotencyKeyDocument,
  IdempotencyKeyModel,
  IdempotentOperation,
} from './idempotency-key.model';

/** The key a request holds while it runs. */
export interface Claim {
  id: string;
  /** Fixed for the key: a retry that takes over a dead request continues with the same one. */
  resultRef: string;
  /** True when this request took over from one whose lease ran out. */
  resumed: boolean;
}

export interface IdempotentCall<T> {
  buyerId: string;
  operation: IdempotentOperation;
  key: string;
  /** The request as validated; its canonical JSON is fingerprinted. */
  input: unknown;
  /** The result reference a first claim gets. @defaultValue a new object id */
  resultRef?: string;
  /** Runs the operation; returns the reference to keep and the result to answer with. */
  execute(claim: Claim): Promise<{ resultRef: string; result: T }>;
  /** The answer to a repeated request, from the reference its first request kept. */
  replay(resultRef: string): Promise<T>;
}

export interface IdempotencyOptions {
  /** How long a request holds its key before a retry may take over. */
  leaseMs: number;
  /** How long a concurrent duplicate waits for the first request before CONFLICT. */
  waitMs: number;
}

/** Duplicates look again after 20 ms, then less and less often, with jitter, up to every 250 ms. */
const FIRST_POLL_MS = 20;
const MAX_POLL_MS = 250;

type ClaimOutcome =
  { kind: 'claimed'; claim: Claim } | { kind: 'completed'; resultRef: string } | { kind: 'busy' };

/** JSON with object keys sorted, so equal requests give equal fingerprints. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function fingerprintOf(operation: string, input: unknown): string {
  return createHash('sha256').update(canonicalJson({ operation, input })).digest('hex');
}

/**
 * Idempotency keys in the style of Stripe (docs/checkout.md, "Idempotency"): the first request
 * with a key claims it and runs; a repeat with the same request gets the first one's result,
 * waiting for it while it runs; the same key with another request is IDEMPOTENCY_KEY_REUSED
 * and changes nothing. A request that failed with a coded error changed nothing, so it frees
 * the key; one that died holds it until its lease ends, and the next retry takes over.
 */
export class IdempotencyService {
  constructor(
    private readonly keys: IdempotencyKeyModel,
    private readonly options: IdempotencyOptions,
  ) {}

  /**
   * Runs `call` once per key. @throws BAD_USER_INPUT for a key outside 1–255 characters,
   * IDEMPOTENCY_KEY_REUSED for another request under the key, CONFLICT when the first request
   * is still running after the wait.
   */
  async run<T>(call: IdempotentCall<T>): Promise<T> {
    const key = parseInput(idempotencyKeyInput, call.key, 'idempotencyKey');
    const fingerprint = fingerprintOf(call.operation, call.input);
    const deadline = Date.now() + this.options.waitMs;
    for (let pause = 0; ; pause = Math.min(MAX_POLL_MS, Math.max(FIRST_POLL_MS, pause * 1.5))) {
      const outcome = await this.claim(call, key, fingerprint, pause === 0);
      if (outcome.kind === 'completed') return call.replay(outcome.resultRef);
      if (outcome.kind === 'claimed') return this.execute(call, outcome.claim);
      if (Date.now() > deadline) {
        throw new ConflictError('A request with this idempotency key is still in progress');
      }
      await sleep(pause * (0.5 + Math.random() / 2));
    }
  }

  /** Claims the key, or says whether it is completed or busy; `insertFirst` on the first round. */
  private async claim<T>(
    call: IdempotentCall<T>,
    key: string,
    fingerprint: string,
    insertFirst: boolean,
  ): Promise<ClaimOutcome> {
    const scope = { buyerId: call.buyerId, operation: call.operation, key };
    if (insertFirst) {
      // A new key, the common case, costs one insert; only a key already there is read.
      const inserted = await this.insert(scope, fingerprint, call.resultRef);
      if (inserted.kind === 'claimed') return inserted;
    }
    const existing = await this.keys.findOne(scope).lean<IdempotencyKeyDocument>();
    if (!existing) return this.insert(scope, fingerprint, call.resultRef);
    if (existing.fingerprint !== fingerprint) {
      throw new AppError(
        'IDEMPOTENCY_KEY_REUSED',
        `This idempotency key was used for a different ${call.operation} request`,
      );
    }
    if (existing.status === 'COMPLETED')
      return { kind: 'completed', resultRef: existing.resultRef };
    if (existing.lockedUntil > new Date()) return { kind: 'busy' };
    const taken = await this.keys
      .findOneAndUpdate(
        { _id: existing._id, status: 'IN_PROGRESS', lockedUntil: existing.lockedUntil },
        { $set: { lockedUntil: this.leaseEnd() } },
        { new: true },
      )
      .lean<IdempotencyKeyDocument>();
    if (!taken) return { kind: 'busy' };
    return {
      kind: 'claimed',
      claim: { id: taken._id.toHexString(), resultRef: taken.resultRef, resumed: true },
    };
  }

  private async insert(
    scope: Pick<IdempotencyKeyDocument, 'buyerId' | 'operation' | 'key'>,
    fingerprint: string,
    resultRef = new Types.ObjectId().toHexString(),
  ): Promise<ClaimOutcome> {
    try {
      const created = await this.keys.create({
        ...scope,
        fingerprint,
        status: 'IN_PROGRESS',
        resultRef,
        lockedUntil: this.leaseEnd(),
        createdAt: new Date(),
      });
      return {
        kind: 'claimed',
        claim: { id: created._id.toHexString(), resultRef, resumed: false },
      };
    } catch (error) {
      // A concurrent duplicate inserted it first: look again on the next round.
      if ((error as { code?: number }).code === 11000) return { kind: 'busy' };
      throw error;
    }
  }

  private async execute<T>(call: IdempotentCall<T>, claim: Claim): Promise<T> {
    try {
      const { resultRef, result } = await call.execute(claim);
      await this.keys.updateOne(
        { _id: claim.id, status: 'IN_PROGRESS' },
        { $set: { status: 'COMPLETED', resultRef } },
      );
      return result;
    } catch (error) {
      if (error instanceof AppError) {
        // A coded error changed nothing: the key is free for the corrected request.
        await this.keys.deleteOne({ _id: claim.id, status: 'IN_PROGRESS' });
      } else {
        // Anything else may have left work half done: the next retry resumes it at once.
        await this.keys.updateOne(
          { _id: claim.id, status: 'IN_PROGRESS' },
          { $set: { lockedUntil: new Date(0) } },
        );
      }
      throw error;
    }
  }

  private leaseEnd(): Date {
    return new Date(Date.now() + this.options.leaseMs);
  }
}
