import { assert, assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { LANGS } from "@/lib/i18n/mod.ts";
import {
  codeForStatus,
  errorFromResponse,
  errorFromStreamPayload,
  parseRetryAfter,
  redact,
  UpstreamError,
  type UpstreamErrorCode,
  upstreamErrorMessage,
} from "./errors.ts";

const KEY = "sk-or-v1-0123456789abcdef0123456789abcdef";
const ALL_CODES: UpstreamErrorCode[] = [
  "bad_key",
  "no_credits",
  "moderation",
  "timeout",
  "rate_limited",
  "provider_down",
  "bad_request",
  "stream_error",
  "network",
  "bad_response",
  "upstream_error",
];

Deno.test("codeForStatus maps OpenRouter's statuses to error codes", () => {
  const expected: Record<number, UpstreamErrorCode> = {
    400: "bad_request",
    401: "bad_key",
    402: "no_credits",
    403: "moderation",
    404: "bad_request",
    408: "timeout",
    422: "bad_request",
    429: "rate_limited",
    500: "provider_down",
    502: "provider_down",
    503: "provider_down",
    504: "provider_down",
    599: "provider_down",
    409: "upstream_error",
    302: "upstream_error",
  };
  for (const [status, code] of Object.entries(expected)) {
    assertEquals(codeForStatus(Number(status)), code, `HTTP ${status}`);
  }
});

Deno.test("parseRetryAfter reads delay seconds and HTTP dates", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");
  assertEquals(parseRetryAfter("7", now), 7);
  assertEquals(parseRetryAfter(" 1.5 ", now), 2);
  assertEquals(parseRetryAfter("Wed, 01 Jan 2025 00:00:42 GMT", now), 42);
  assertEquals(parseRetryAfter("Tue, 31 Dec 2024 23:00:00 GMT", now), 0);
  assertEquals(parseRetryAfter("soon", now), undefined);
  assertEquals(parseRetryAfter(null, now), undefined);
});

Deno.test("errorFromResponse keeps OpenRouter's message as the detail", () => {
  const body = JSON.stringify({
    error: { code: 400, message: "x/y is not a valid model ID" },
  });
  const error = errorFromResponse(400, new Headers(), body);
  assertEquals([error.code, error.status], ["bad_request", 400]);
  assertEquals(error.detail, "x/y is not a valid model ID");
  assertStringIncludes(error.message, "x/y is not a valid model ID");
});

Deno.test("errorFromResponse ignores an HTML body but keeps a short plain one", () => {
  const html = errorFromResponse(
    502,
    new Headers(),
    "<html>Bad gateway</html>",
  );
  assertEquals([html.code, html.detail], ["provider_down", undefined]);
  const plain = errorFromResponse(503, new Headers(), "upstream overloaded");
  assertEquals(plain.detail, "upstream overloaded");
});

Deno.test("errorFromResponse takes the wait of a 429 from the rate-limit reset when Retry-After is absent", () => {
  const now = 1_700_000_000_000;
  const body = JSON.stringify({
    error: {
      code: 429,
      message: "Rate limit exceeded",
      metadata: { headers: { "X-RateLimit-Reset": String(now + 9_500) } },
    },
  });
  assertEquals(
    errorFromResponse(429, new Headers(), body, undefined, now)
      .retryAfterSeconds,
    10,
  );
});

Deno.test("errorFromStreamPayload uses a known numeric code, else stream_error", () => {
  assertEquals(
    errorFromStreamPayload({ code: 429, message: "slow down" }).code,
    "rate_limited",
  );
  assertEquals(errorFromStreamPayload({ code: "502" }).code, "provider_down");
  assertEquals(
    errorFromStreamPayload({ code: "server_error" }).code,
    "stream_error",
  );
  assertEquals(errorFromStreamPayload({ code: 299 }).code, "stream_error");
});

Deno.test("redact removes the key, key-shaped strings, bearer tokens and URL credentials", () => {
  assertEquals(redact(`bad key ${KEY}!`, KEY), "bad key [redacted]!");
  assertEquals(redact("key sk-abc123def456 used"), "key [redacted] used");
  assertEquals(
    redact("Authorization: Bearer abc.def"),
    "Authorization: Bearer [redacted]",
  );
  assertEquals(
    redact("for url (http://user:pw@host/v1)"),
    "for url (http://[redacted]@host/v1)",
  );
});

Deno.test("errorFromResponse never keeps the API key in the detail or message", () => {
  const body = JSON.stringify({
    error: { code: 401, message: `Incorrect API key provided: ${KEY}` },
  });
  const error = errorFromResponse(401, new Headers(), body, KEY);
  assert(!error.message.includes(KEY) && !error.detail?.includes(KEY));
  assert(!upstreamErrorMessage(error, "en").includes(KEY));
});

Deno.test("upstreamErrorMessage has a distinct message for every code in both languages", () => {
  for (const code of ALL_CODES) {
    const error = new UpstreamError(code);
    const [id, en] = LANGS.map((lang) => upstreamErrorMessage(error, lang));
    assert(id.length > 20 && en.length > 20, code);
    assert(id !== en, `${code} is not translated`);
    assert(!/\{\w+\}/.test(id + en), `${code} has an unfilled placeholder`);
  }
});

Deno.test("upstreamErrorMessage tells how to fix a refused key", () => {
  const error = new UpstreamError("bad_key", { status: 401 });
  assertStringIncludes(upstreamErrorMessage(error, "en"), "OPENROUTER_API_KEY");
  assertStringIncludes(upstreamErrorMessage(error, "id"), "OPENROUTER_API_KEY");
});

Deno.test("upstreamErrorMessage says how long to wait after a rate limit", () => {
  const error = new UpstreamError("rate_limited", { retryAfterSeconds: 12 });
  assertStringIncludes(upstreamErrorMessage(error, "en"), "Try again in 12 s");
  assertStringIncludes(upstreamErrorMessage(error, "id"), "12 detik");
});

Deno.test("upstreamErrorMessage includes upstream's reason for a refused request", () => {
  const error = new UpstreamError("bad_request", {
    detail: "x/y is not a valid model ID.",
  });
  assertStringIncludes(
    upstreamErrorMessage(error, "en"),
    "The model refused the request: x/y is not a valid model ID. Check",
  );
});

Deno.test("upstreamErrorMessage names the moderation reasons", () => {
  const error = new UpstreamError("moderation", { reasons: ["harassment"] });
  assertStringIncludes(upstreamErrorMessage(error, "id"), "(harassment)");
});

Deno.test("redact() withholds a text that carries the key in any other form", () => {
  const forms = [
    KEY.toUpperCase(),
    encodeURIComponent(KEY).replace(/-/g, "%2D"),
    btoa(KEY),
    btoa(`key=${KEY}`).replace(/=+$/, ""),
    KEY.split("").join("\u200b"),
    `…${KEY.slice(-10)}`,
  ];
  for (const form of forms) {
    assertEquals(redact(`Invalid key: ${form}`, KEY), "[redacted]", form);
  }
  assertEquals(
    redact("Rate limit exceeded, retry later", KEY),
    "Rate limit exceeded, retry later",
  );
});
