/**
 * Cross-site request forgery: a request that changes something must come
 * from our own pages. Browsers send `Origin` (and `Sec-Fetch-Site`) with
 * every unsafe request; a request with neither is not from a browser, so it
 * carries no victim's cookies and is let through.
 */

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether `req` may change state: a safe method, or sent by this origin. */
export function isSameOriginRequest(
  req: Request,
  allowedOrigins: string[],
): boolean {
  if (SAFE.has(req.method)) return true;
  const origin = req.headers.get("Origin");
  if (origin !== null) return allowedOrigins.includes(origin);
  const site = req.headers.get("Sec-Fetch-Site");
  if (site !== null) return site === "same-origin";
  return true;
}
