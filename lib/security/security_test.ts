import { assert, assertEquals } from "@/tests/assert.ts";
import { isSameOriginRequest } from "./csrf.ts";
import { CONTENT_SECURITY_POLICY, withSecurityHeaders } from "./headers.ts";

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
