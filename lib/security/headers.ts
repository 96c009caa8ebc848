/**
 * Security headers for every response. Scripts come only from our origin
 * (the islands runtime is an external module, page data sits in JSON
 * scripts that never run), so the CSP needs no nonce and no 'unsafe-inline'
 * for scripts. Style attributes stay allowed for rendered math.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

const HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy":
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
};

/** How the answer is served. */
export interface HeaderOptions {
  /** APP_URL is https: browsers are told to come back over https only (HSTS). */
  https?: boolean;
  /**
   * A page or API answer, which may carry a person's data: kept by no cache
   * (unless the route chose), and varying by the cookie that says whose.
   */
  personal?: boolean;
}

/** One year, the usual HSTS max age; no includeSubDomains, other hosts are the operator's. */
const HSTS = "max-age=31536000";

/** Adds the security headers to `response` (the CSP to HTML only) and returns it. */
export function withSecurityHeaders(
  response: Response,
  options: HeaderOptions = {},
): Response {
  if (options.https) {
    response.headers.set("Strict-Transport-Security", HSTS);
  }
  if (options.personal) {
    if (!response.headers.has("Cache-Control")) {
      response.headers.set("Cache-Control", "no-store");
    }
    const vary = response.headers.get("Vary") ?? "";
    if (!/(^|,)\s*(cookie|\*)\s*(,|$)/i.test(vary)) {
      response.headers.append("Vary", "Cookie");
    }
  }
  for (const [name, value] of Object.entries(HEADERS)) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  const type = response.headers.get("Content-Type") ?? "";
  if (type.startsWith("text/html")) {
    response.headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  }
  return response;
}
