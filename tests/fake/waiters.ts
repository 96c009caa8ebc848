/**
 * Promises that wait for a condition with a time limit, and that the fake's
 * `close()` can settle all at once, so no timer outlives a test.
 */

interface Pending {
  check: () => void;
  cancel: () => void;
}

/** The waiters of one fake server. */
export class Waiters {
  #pending = new Set<Pending>();

  /** Re-checks every waiter: call after the state they watch changed. */
  notify(): void {
    for (const waiter of [...this.#pending]) waiter.check();
  }

  /** Resolves with `get()` once it is defined; rejects after `timeoutMs`. */
  until<T>(
    get: () => T | undefined,
    timeoutMs: number,
    what: string,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter: Pending = {
        check: () => {
          const value = get();
          if (value === undefined) return;
          settle();
          resolve(value);
        },
        cancel: () => {
          settle();
          reject(new Error(`The fake closed while waiting for ${what}`));
        },
      };
      const timer = setTimeout(() => {
        settle();
        reject(
          new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`),
        );
      }, timeoutMs);
      const settle = () => {
        clearTimeout(timer);
        this.#pending.delete(waiter);
      };
      this.#pending.add(waiter);
      waiter.check();
    });
  }

  /** `promise`'s value, or undefined when it takes longer than `timeoutMs`. */
  race<T>(promise: Promise<T>, timeoutMs: number): Promise<T | undefined> {
    let settled: T | undefined;
    let done = false;
    promise.then((value) => {
      settled = value;
      done = true;
      this.notify();
    });
    return this.until(
      () => done ? { value: settled } : undefined,
      timeoutMs,
      "",
    )
      .then((box) => box.value, () => undefined);
  }

  /** Rejects every pending waiter and clears its timer. */
  cancelAll(): void {
    for (const waiter of [...this.#pending]) waiter.cancel();
  }
}
