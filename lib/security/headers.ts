/**
 * Security headers for every response. A page's Content-Security-Policy is
 * set the way Fresh sets it: its route asks for one (`config = { csp: true }`),
 * `_app` applies the app's policy with `useCSP(appCsp)`, and the framework
 * adds a nonce to `script-src` for its own inline module script. So scripts
 * run only from our origin or with that page's nonce: no 'unsafe-inline'.
 * Style attributes stay allowed for rendered math. HTML that no route policy
 * covers gets the same policy (without a nonce) here.
 */
import {
  type ContentSecurityPolicy,
  type ContentSecurityPolicyDirectives,
  NONE,
  SELF,
  UNSAFE_INLINE,
} from "$fresh/runtime.ts";

/** The app's policy, directive by directive. */
export const APP_CSP_DIRECTIVES: Readonly<ContentSecurityPolicyDirectives> = {
  defaultSrc: [SELF],
  scriptSrc: [SELF],
  styleSrc: [SELF],
  styleSrcAttr: [UNSAFE_INLINE],
  imgSrc: [SELF, "data:"],
  fontSrc: [SELF],
  connectSrc: [SELF],
  objectSrc: [NONE],
  frameAncestors: [NONE],
  baseUri: [NONE],
  formAction: [SELF],
};

/** For `useCSP()`: replaces the framework's starting policy with the app's. */
export function appCsp(csp: ContentSecurityPolicy): void {
  csp.reportOnly = false;
  csp.directives = Object.fromEntries(
    Object.entries(APP_CSP_DIRECTIVES).map(([k, v]) => [
      k,
      Array.isArray(v) ? [...v] : v,
    ]),
  );
}

/** The app's policy as a header value (what HTML without a route policy gets). */
export const CONTENT_SECURITY_POLICY = Object.entries(APP_CSP_DIRECTIVES)
  .map(([k, v]) =>
    `${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${
      Array.isArray(v) ? v.join(" ") : v
    }`
  ).join("; ");

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

/** Adds the security headers to `response` (the CSP to HTML that has none) and returns it. */
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
  // The framework's policy holds the page's nonce: never overwrite it.
  const framed = response.headers.has("Content-Security-Policy") ||
    response.headers.has("Content-Security-Policy-Report-Only");
  if (type.startsWith("text/html") && !framed) {
    response.headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  }
  return response;
}
