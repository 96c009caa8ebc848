/**
 * The test servers a test has closed. A page still fetching the code it
 * loads after the page (the markdown warm-up, ticking times) logs a refused
 * connection once its server is gone: the test's doing, not the page's, so
 * browser tests do not count those (tests/browser.ts).
 */
const closed = new Set<string>();

/** Notes that the server at `url` is closing. */
export function markServerClosed(url: string): void {
  closed.add(new URL(url).origin);
}

/** Whether `url` points at a server that a test has closed. */
export function serverClosed(url: string): boolean {
  return URL.canParse(url) && closed.has(new URL(url).origin);
}
