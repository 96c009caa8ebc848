/**
 * Fixed-window counters in Deno KV, so every instance on the same KV shares
 * them: "at most `limit` events per `windowMs` for one subject" (an owner's
 * generations, a client address's failed sign-ins).
 */
import { rateLimitKey } from "@/lib/kv_keys.ts";

/** The verdict of a rate check. */
export interface RateVerdict {
  ok: boolean;
  /** Seconds until the window resets (for `Retry-After`). */
  retryAfterSeconds: number;
}

/** One event counted inside someone else's atomic operation. */
export interface PreparedHit {
  verdict: RateVerdict;
  apply(op: Deno.AtomicOperation): Deno.AtomicOperation;
}

/** What a limit is: its name (part of its KV keys) and how many events per window. */
export interface RateLimit {
  name: string;
  limit: number;
  windowMs: number;
  /** Clock in milliseconds; Date.now unless given (tests). */
  now?: () => number;
}

/** A named limit over subjects. */
export class RateLimiter {
  readonly name: string;
  readonly limit: number;
  readonly windowMs: number;
  readonly now: () => number;

  constructor(readonly kv: Deno.Kv, limit: RateLimit) {
    this.name = limit.name;
    this.limit = limit.limit;
    this.windowMs = limit.windowMs;
    this.now = limit.now ?? Date.now;
  }

  #window() {
    const now = this.now();
    const index = Math.floor(now / this.windowMs);
    const retryAfterSeconds = Math.max(
      1,
      Math.ceil(((index + 1) * this.windowMs - now) / 1000),
    );
    return { index, retryAfterSeconds };
  }

  #key(subject: string, index: number): Deno.KvKey {
    return rateLimitKey(this.name, subject, index);
  }

  /** Whether `subject` is still under the limit, without counting. */
  async check(subject: string): Promise<RateVerdict> {
    const { index, retryAfterSeconds } = this.#window();
    const entry = await this.kv.get<Deno.KvU64>(this.#key(subject, index));
    const count = Number(entry.value?.value ?? 0n);
    return { ok: count < this.limit, retryAfterSeconds };
  }

  /** Counts one event for `subject`; not ok when it goes over the limit. */
  async hit(subject: string): Promise<RateVerdict> {
    for (;;) {
      const hit = await this.prepareHit(subject);
      if ((await hit.apply(this.kv.atomic()).commit()).ok) return hit.verdict;
    }
  }

  /**
   * Reads `subject`'s count, so that `apply()` counts one more event in an
   * atomic operation of the caller's (which fails if the count moved
   * meanwhile); `verdict` is what the hit will mean once committed.
   */
  async prepareHit(subject: string): Promise<PreparedHit> {
    const { index, retryAfterSeconds } = this.#window();
    const key = this.#key(subject, index);
    const entry = await this.kv.get<Deno.KvU64>(key);
    const count = Number(entry.value?.value ?? 0n) + 1;
    return {
      verdict: { ok: count <= this.limit, retryAfterSeconds },
      // Old windows need no cleanup job: they expire after their window.
      apply: (op) =>
        op.check(entry).set(key, new Deno.KvU64(BigInt(count)), {
          expireIn: this.windowMs * 2,
        }),
    };
  }
}

/**
 * Several hits as one: its verdict is the first refusal among them (else
 * the longest wait), and `apply()` counts them all in the caller's commit.
 */
export function combineHits(hits: PreparedHit[]): PreparedHit {
  const refused = hits.find((hit) => !hit.verdict.ok);
  return {
    verdict: refused?.verdict ?? { ok: true, retryAfterSeconds: 0 },
    apply: (op) => hits.reduce((acc, hit) => hit.apply(acc), op),
  };
}

/** The first refusal among `verdicts`, else an ok verdict. */
export function combineVerdicts(verdicts: RateVerdict[]): RateVerdict {
  return verdicts.find((v) => !v.ok) ?? { ok: true, retryAfterSeconds: 0 };
}
