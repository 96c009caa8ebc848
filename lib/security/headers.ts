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

/** Adds the security headers to `response` (the CSP to HTML only) and returns it. */
export function withSecurityHeaders(response: Response): Response {
  for (const [name, value] of Object.entries(HEADERS)) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  const type = response.headers.get("Content-Type") ?? "";
  if (type.startsWith("text/html")) {
    response.headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  }
  return response;
}
