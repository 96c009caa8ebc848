/** Waiting for a condition by checking it again and again, instead of sleeping a fixed time. */

/** Options of `pollUntil`. */
export interface PollOptions {
  /** What is awaited, for the error message. */
  what: string;
  /** Give up after this long; default 10 s. */
  timeoutMs?: number;
  /** Pause between checks; default 25 ms. */
  everyMs?: number;
}

/**
 * Resolves with the first value of `check()` that is neither undefined nor
 * false; throws when `timeoutMs` passes first, naming `what` was awaited.
 */
export async function pollUntil<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  options: PollOptions,
): Promise<T> {
  const { timeoutMs = 10_000, everyMs = 25 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for ${options.what}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
