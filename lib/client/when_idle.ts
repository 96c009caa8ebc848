/**
 * Work the page does once the browser is idle after loading (lazy parts,
 * the markdown warm-up, the event decoder). Safari has no
 * `requestIdleCallback`: there a short timer stands in for it.
 */

/** When `whenIdle()` runs its work at the latest, and where idle is unknown. */
export interface IdleOptions {
  /** Runs by then even if the browser never idles (ms). */
  timeoutMs?: number;
  /** The wait where the browser has no `requestIdleCallback` (ms). */
  fallbackMs?: number;
}

/** Runs `run` once the browser is idle (or after a short timer in Safari). */
export function whenIdle(
  run: () => void,
  { timeoutMs, fallbackMs = 0 }: IdleOptions = {},
): void {
  if (typeof globalThis.requestIdleCallback === "function") {
    requestIdleCallback(
      () => run(),
      timeoutMs === undefined ? undefined : { timeout: timeoutMs },
    );
  } else {
    setTimeout(run, fallbackMs);
  }
}
