/**
 * Write-time stamps the fake can put in each delta, so a benchmark in another
 * process can measure how long the app took to forward it.
 */

/** Epoch milliseconds with sub-millisecond precision, comparable across processes. */
export function fakeClock(): number {
  return performance.timeOrigin + performance.now();
}

/** The stamp the fake appends to a token: `[t=1732412345678.123]`. */
export function formatStamp(time = fakeClock()): string {
  return `[t=${time.toFixed(3)}]`;
}

/** Every stamp in `text`, in order, as epoch milliseconds. */
export function parseStamps(text: string): number[] {
  return [...text.matchAll(/\[t=(\d+(?:\.\d+)?)\]/g)].map((m) => Number(m[1]));
}
