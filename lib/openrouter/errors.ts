/**
 * Upstream failures as one error class with a small set of codes, and the
 * user-facing text for each code in the UI language.
 */
import { type Lang, t } from "@/lib/i18n/mod.ts";

/** Why a request to OpenRouter (or another OpenAI-compatible server) failed. */
export type UpstreamErrorCode =
  | "bad_key"
  | "no_credits"
  | "moderation"
  | "timeout"
  | "rate_limited"
  | "provider_down"
  | "bad_request"
  | "stream_error"
  | "network"
  | "bad_response"
  | "too_long"
  | "upstream_error";

/** Optional facts about an {@link UpstreamError}. */
export interface UpstreamErrorInit {
  /** The HTTP status, or the numeric `error.code` of an in-stream error. */
  status?: number;
  retryAfterSeconds?: number;
  /** Upstream's own explanation, with any API key removed. */
  detail?: string;
  /** Moderation reasons (`error.metadata.reasons`), e.g. `["harassment"]`. */
  reasons?: string[];
  cause?: unknown;
}

const SUMMARY: Record<UpstreamErrorCode, string> = {
  bad_key: "The upstream refused the API key",
  no_credits: "The upstream account has no credits left",
  moderation: "The upstream's moderation flagged the input",
  timeout: "The upstream did not answer in time",
  rate_limited: "The upstream is rate limiting requests",
  provider_down: "The model's provider is unavailable",
  bad_request: "The upstream rejected the request",
  stream_error: "The upstream stream reported an error",
  network: "Could not reach the upstream",
  bad_response: "The upstream sent an answer that could not be read",
  too_long: "The answer grew longer than this app allows",
  upstream_error: "The upstream answered with an unexpected error",
};

const MAX_DETAIL = 500;

/** A failed upstream request. Its message and detail never contain the API key. */
export class UpstreamError extends Error {
  override name = "UpstreamError";
  readonly code: UpstreamErrorCode;
  readonly status?: number;
  readonly retryAfterSeconds?: number;
  readonly detail?: string;
  readonly reasons?: string[];

  constructor(code: UpstreamErrorCode, init: UpstreamErrorInit = {}) {
    const status = init.status === undefined ? "" : ` (HTTP ${init.status})`;
    const detail = init.detail ? `: ${init.detail}` : "";
    super(`${SUMMARY[code]}${status}${detail}`, { cause: init.cause });
    this.code = code;
    if (init.status !== undefined) this.status = init.status;
    if (init.retryAfterSeconds !== undefined) {
      this.retryAfterSeconds = init.retryAfterSeconds;
    }
    if (init.detail) this.detail = init.detail;
    if (init.reasons?.length) this.reasons = init.reasons;
  }
}

/** Whether `value` is an {@link UpstreamError}. */
export function isUpstreamError(value: unknown): value is UpstreamError {
  return value instanceof UpstreamError;
}

/** The error code an HTTP status (or a numeric in-stream code) stands for. */
export function codeForStatus(status: number): UpstreamErrorCode {
  switch (status) {
    case 400:
    case 404:
    case 413:
    case 422:
      return "bad_request";
    case 401:
      return "bad_key";
    case 402:
      return "no_credits";
    case 403:
      return "moderation";
    case 408:
      return "timeout";
    case 429:
      return "rate_limited";
  }
  return status >= 500 && status <= 599 ? "provider_down" : "upstream_error";
}

/** Seconds to wait from a `Retry-After` value: delay seconds or an HTTP date. */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text));
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * Removes secrets from upstream text: the key itself, anything shaped like
 * an `sk-…` key (some servers echo a masked key), bearer tokens, and the
 * credentials of a URL. A text that still carries the key in another form
 * (see `mentionsKey`) is withheld whole.
 */
export function redact(text: string, apiKey?: string): string {
  let out = text;
  if (apiKey && apiKey.length >= 4) out = out.replaceAll(apiKey, "[redacted]");
  out = out
    .replace(/\bsk-[A-Za-z0-9_*.-]{6,}/g, "[redacted]")
    .replace(/\b(Bearer\s+)[^\s"',;]+/gi, "$1[redacted]")
    .replace(/(\/\/)[^/\s@]+@/g, "$1[redacted]@");
  return apiKey && mentionsKey(out, apiKey) ? "[redacted]" : out;
}

/** How long a piece of the key must be to count as the key. */
const KEY_PIECE = 8;
// Zero-width, joiner, soft hyphen, bidi and other invisible format marks.
const INVISIBLE =
  /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/g;
const BASE64_RUN = /[A-Za-z0-9+/_-]{12,}={0,2}/g;

/**
 * Whether `text` carries `apiKey` or any `KEY_PIECE` characters of it (its
 * tail, say) in any letter case, split by invisible characters, or URL-,
 * or base64-encoded.
 */
export function mentionsKey(text: string, apiKey: string): boolean {
  if (apiKey.length < KEY_PIECE) return false;
  const key = apiKey.toLowerCase();
  const forms = [text, decodeUrl(text), ...base64Decoded(text)].map((form) =>
    form.replace(INVISIBLE, "").toLowerCase()
  );
  for (let i = 0; i + KEY_PIECE <= key.length; i++) {
    const piece = key.slice(i, i + KEY_PIECE);
    if (forms.some((form) => form.includes(piece))) return true;
  }
  return false;
}

function decodeUrl(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text.replace(
      /%([0-9a-f]{2})/gi,
      (_, hex) => String.fromCharCode(parseInt(hex, 16)),
    );
  }
}

function base64Decoded(text: string): string[] {
  const decoded: string[] = [];
  for (const [run] of text.matchAll(BASE64_RUN)) {
    const standard = run.replace(/-/g, "+").replace(/_/g, "/").replace(
      /=+$/,
      "",
    );
    // Every alignment: the key may start anywhere in an encoded text.
    for (let skip = 0; skip < 4 && skip < standard.length; skip++) {
      const part = standard.slice(skip);
      try {
        decoded.push(atob(part.slice(0, part.length - (part.length % 4))));
      } catch { /* not base64 after all */ }
    }
  }
  return decoded;
}

function cleanDetail(text: unknown, apiKey?: string): string | undefined {
  if (typeof text !== "string") return undefined;
  const flat = redact(text, apiKey).replace(/\s+/g, " ").trim();
  if (!flat) return undefined;
  return flat.length > MAX_DETAIL ? `${flat.slice(0, MAX_DETAIL)}…` : flat;
}

type ErrorObject = { code?: unknown; message?: unknown; metadata?: unknown };

function reasonsOf(metadata: unknown): string[] | undefined {
  const reasons = (metadata as { reasons?: unknown } | null)?.reasons;
  if (!Array.isArray(reasons)) return undefined;
  return reasons.filter((r): r is string => typeof r === "string").slice(0, 5);
}

/** OpenRouter puts the reset time of a rate limit (epoch ms) in metadata. */
function resetSecondsOf(metadata: unknown, now: number): number | undefined {
  const headers = (metadata as { headers?: unknown } | null)?.headers;
  if (!headers || typeof headers !== "object") return undefined;
  const reset = Number(
    (headers as Record<string, unknown>)["X-RateLimit-Reset"],
  );
  if (!Number.isFinite(reset) || reset <= 0) return undefined;
  return Math.max(0, Math.ceil((reset - now) / 1000));
}

/**
 * The error for a non-2xx response, from its status, `Retry-After` header and
 * OpenRouter's `{"error": {code, message, metadata}}` body (any body is fine).
 */
export function errorFromResponse(
  status: number,
  headers: Headers,
  bodyText: string,
  apiKey?: string,
  now = Date.now(),
): UpstreamError {
  let error: ErrorObject | undefined;
  try {
    const parsed = JSON.parse(bodyText);
    if (parsed && typeof parsed.error === "object") error = parsed.error;
    else if (parsed && typeof parsed.error === "string") {
      error = { message: parsed.error };
    } else if (parsed && typeof parsed.message === "string") error = parsed;
  } catch {
    // Not JSON (a proxy's HTML page, say): a short plain text is still useful.
    if (!/^\s*</.test(bodyText)) error = { message: bodyText.slice(0, 200) };
  }
  const code = codeForStatus(status);
  return new UpstreamError(code, {
    status,
    detail: cleanDetail(error?.message, apiKey),
    reasons: code === "moderation" ? reasonsOf(error?.metadata) : undefined,
    retryAfterSeconds: code === "rate_limited"
      ? parseRetryAfter(headers.get("retry-after"), now) ??
        resetSecondsOf(error?.metadata, now)
      : undefined,
  });
}

/**
 * The error for an `{"error": {...}}` object inside a 200 stream: a numeric
 * code that names a known failure keeps that meaning, else `stream_error`.
 */
export function errorFromStreamPayload(
  error: ErrorObject,
  apiKey?: string,
): UpstreamError {
  const numeric = typeof error.code === "number"
    ? error.code
    : typeof error.code === "string" && /^\d{3}$/.test(error.code)
    ? Number(error.code)
    : undefined;
  const mapped = numeric === undefined ? undefined : codeForStatus(numeric);
  const code = mapped && mapped !== "upstream_error" ? mapped : "stream_error";
  return new UpstreamError(code, {
    status: numeric,
    detail: cleanDetail(error.message, apiKey),
    reasons: code === "moderation" ? reasonsOf(error.metadata) : undefined,
  });
}

function sentence(detail: string): string {
  return detail.replace(/[.!。\s]+$/u, "");
}

/** What happened and what to do, for the user, in the UI language. */
export function upstreamErrorMessage(error: UpstreamError, lang: Lang): string {
  switch (error.code) {
    case "moderation":
      return error.reasons?.length
        ? t(lang, "upstream.moderation_reasons", {
          reasons: error.reasons.join(", "),
        })
        : t(lang, "upstream.moderation");
    case "rate_limited":
      return error.retryAfterSeconds !== undefined
        ? t(lang, "upstream.rate_limited_wait", {
          seconds: Math.max(1, error.retryAfterSeconds),
        })
        : t(lang, "upstream.rate_limited");
    case "bad_request":
      return error.detail
        ? t(lang, "upstream.bad_request_detail", {
          detail: sentence(error.detail),
        })
        : t(lang, "upstream.bad_request");
    case "stream_error":
      return error.detail
        ? t(lang, "upstream.stream_error_detail", {
          detail: sentence(error.detail),
        })
        : t(lang, "upstream.stream_error");
    case "upstream_error":
      return error.status !== undefined
        ? t(lang, "upstream.upstream_error_status", { status: error.status })
        : t(lang, "upstream.upstream_error");
    default:
      return t(lang, `upstream.${error.code}`);
  }
}
