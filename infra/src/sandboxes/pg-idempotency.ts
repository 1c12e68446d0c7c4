/** An answer as it was sent, replayed byte for byte. */
export interface StoredAnswer {
  status: number;
  json: string;
}

/**
 * Answers by `Idempotency-Key`, as Toss keeps them: the same key and the same request get the
 * first answer again, without doing the work twice. The same key on a different request is
 * refused rather than replayed, so a client that reuses keys by mistake finds out.
 */
export class IdempotencyStore {
  private answers = new Map<string, StoredAnswer & { fingerprint: string }>();

  recall(key: string, fingerprint: string): StoredAnswer | 'other-request' | undefined {
    const stored = this.answers.get(key);
    if (!stored) return undefined;
    return stored.fingerprint === fingerprint ? stored : 'other-request';
  }

  remember(key: string, fingerprint: string, answer: StoredAnswer): void {
    this.answers.set(key, { fingerprint, ...answer });
  }

  clear(): void {
    this.answers = new Map();
  }
}

/** Method, path and body with sorted keys: equal for requests that mean the same thing. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return `${method} ${path} ${canonicalJson(body ?? null)}`;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    const members = entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
