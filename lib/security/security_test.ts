import { assert, assertEquals } from "@/tests/assert.ts";
import { isSameOriginRequest } from "./csrf.ts";
import {
  APP_CSP_DIRECTIVES,
  appCsp,
  CONTENT_SECURITY_POLICY,
  withSecurityHeaders,
} from "./headers.ts";
import {
  type ContentSecurityPolicy,
  NONE,
  SELF,
  UNSAFE_INLINE,
} from "$fresh/runtime.ts";

const app = "http://localhost:8000";
const policy = {
  allowedOrigins: [],
  allowedHosts: [],
  machineNames: [],
};
const post = (headers: Record<string, string>) =>
  new Request(`${app}/api/chats`, { method: "POST", headers });

Deno.test("isSameOriginRequest() lets our own pages change things and refuses other sites", () => {
  assert(isSameOriginRequest(post({ Origin: app }), policy));
  assert(
    isSameOriginRequest(post({ "Sec-Fetch-Site": "same-origin" }), policy),
  );
  assert(
    !isSameOriginRequest(post({ Origin: "https://evil.example" }), policy),
  );
  assert(!isSameOriginRequest(post({ Origin: "null" }), policy));
  assert(
    !isSameOriginRequest(post({ "Sec-Fetch-Site": "cross-site" }), policy),
  );
  assert(!isSameOriginRequest(post({ "Sec-Fetch-Site": "same-site" }), policy));
  assert(
    isSameOriginRequest(
      new Request(`${app}/`, { headers: { Origin: "https://evil.example" } }),
      policy,
    ),
  );
});

Deno.test("withSecurityHeaders() adds a strict CSP to HTML and the other headers to everything", () => {
  const html = withSecurityHeaders(
    new Response("<p>", {
      headers: { "Content-Type": "text/html; charset=utf-8" },
    }),
  );
  assertEquals(
    html.headers.get("Content-Security-Policy"),
    CONTENT_SECURITY_POLICY,
  );
  for (
    const directive of [
      "script-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ]
  ) {
    assert(CONTENT_SECURITY_POLICY.includes(directive), directive);
  }
  assert(!/script-src[^;]*unsafe-inline/.test(CONTENT_SECURITY_POLICY));
  const css = withSecurityHeaders(
    new Response("", { headers: { "Content-Type": "text/css" } }),
  );
  assertEquals(css.headers.get("X-Content-Type-Options"), "nosniff");
  assertEquals(css.headers.get("Referrer-Policy"), "same-origin");
  assertEquals(css.headers.get("Content-Security-Policy"), null);
});

Deno.test("withSecurityHeaders() keeps the CSP the framework set on a page, nonce and all", () => {
  const framed = "default-src 'self'; script-src 'self' 'nonce-abc'";
  for (
    const name of [
      "Content-Security-Policy",
      "Content-Security-Policy-Report-Only",
    ]
  ) {
    const res = withSecurityHeaders(
      new Response("<p>", {
        headers: { "Content-Type": "text/html", [name]: framed },
      }),
    );
    assertEquals(res.headers.get(name), framed, name);
    if (name !== "Content-Security-Policy") {
      assertEquals(res.headers.get("Content-Security-Policy"), null);
    }
  }
});

Deno.test("appCsp() turns Fresh's starting policy into the app's own, which allows no inline script", () => {
  const csp: ContentSecurityPolicy = {
    directives: { defaultSrc: [NONE], styleSrc: [UNSAFE_INLINE] },
    reportOnly: true,
  };
  appCsp(csp);
  assertEquals(csp.reportOnly, false);
  assertEquals(csp.directives.defaultSrc, [SELF]);
  assertEquals(csp.directives.scriptSrc, [SELF]);
  assertEquals(csp.directives.styleSrc, [SELF]);
  assertEquals(csp.directives.objectSrc, [NONE]);
  // Changing one page's policy leaves the app's policy alone.
  csp.directives.scriptSrc!.push("'nonce-x'");
  assertEquals(APP_CSP_DIRECTIVES.scriptSrc, [SELF]);
});
