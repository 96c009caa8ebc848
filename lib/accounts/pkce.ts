/**
 * OpenRouter's OAuth PKCE flow: the browser goes to OPENROUTER_AUTH_URL
 * with `callback_url` and an S256 `code_challenge`; OpenRouter sends it
 * back to the callback with `code`, which is exchanged, with the verifier
 * kept here, at `POST {OPENROUTER_BASE_URL}/auth/keys` for a key. The
 * verifier and the account wait in KV under a random `state` carried in
 * the callback address; the callback consumes them once.
 */
import { oauthStateKey } from "@/lib/kv_keys.ts";

/** How long a flow may take from redirect to callback. */
const FLOW_TTL_MS = 10 * 60_000;

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_")
    .replace(/=+$/, "");

/** A new code verifier: 32 random bytes, 43 base64url characters (RFC 7636). */
export function newVerifier(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The S256 challenge of a verifier: base64url(SHA-256(verifier)). */
export async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(verifier),
  );
  return base64url(new Uint8Array(digest));
}

/** The address of OpenRouter's auth page for a flow. */
export function authorizeUrl(
  options: { authUrl: string; callbackUrl: string; challenge: string },
): string {
  const url = new URL(options.authUrl);
  url.searchParams.set("callback_url", options.callbackUrl);
  url.searchParams.set("code_challenge", options.challenge);
  url.searchParams.set("code_challenge_method", "S256");
  return url.href;
}

/** A flow waiting for its callback. */
interface Flow {
  accountId: string;
  verifier: string;
}

/** Why an exchange failed: OpenRouter refused the code, or could not be asked. */
export class PkceError extends Error {
  override name = "PkceError";
  constructor(readonly reason: "refused" | "unreachable", message: string) {
    super(message);
  }
}

/** Flows in progress, on one KV. */
export class PkceFlows {
  constructor(readonly kv: Deno.Kv) {}

  /** Starts a flow for `accountId`: its state and verifier. */
  async begin(accountId: string): Promise<{ state: string; verifier: string }> {
    const state = base64url(crypto.getRandomValues(new Uint8Array(24)));
    const verifier = newVerifier();
    await this.kv.set(oauthStateKey(state), { accountId, verifier }, {
      expireIn: FLOW_TTL_MS,
    });
    return { state, verifier };
  }

  /**
   * The verifier of the flow `state` of `accountId`, consumed: a second
   * callback with the same state (a replay) gets null, as does another
   * account's state.
   */
  async take(state: string, accountId: string): Promise<string | null> {
    if (!/^[\w-]{32}$/.test(state)) return null;
    const entry = await this.kv.get<Flow>(oauthStateKey(state));
    if (!entry.value || entry.value.accountId !== accountId) return null;
    const done = await this.kv.atomic().check(entry).delete(entry.key).commit();
    return done.ok ? entry.value.verifier : null;
  }
}

/** Exchanges `code` and its verifier for a key at `{baseUrl}/auth/keys`. */
export async function exchangeCode(options: {
  baseUrl: string;
  code: string;
  verifier: string;
  fetch?: typeof fetch;
}): Promise<string> {
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(`${options.baseUrl}/auth/keys`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        code: options.code,
        code_verifier: options.verifier,
        code_challenge_method: "S256",
      }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    throw new PkceError("unreachable", "OpenRouter could not be reached");
  }
  const body = await response.json().catch(() => null) as
    | { key?: unknown }
    | null;
  if (response.status >= 500) {
    throw new PkceError(
      "unreachable",
      `OpenRouter answered ${response.status}`,
    );
  }
  if (!response.ok || typeof body?.key !== "string" || !body.key) {
    throw new PkceError(
      "refused",
      `OpenRouter refused the code (${response.status})`,
    );
  }
  return body.key;
}

/**
 * Whether OpenRouter accepts `apiKey` (`GET {baseUrl}/key`): "ok",
 * "refused" (401, 403), or "unreachable".
 */
export async function checkKey(options: {
  baseUrl: string;
  apiKey: string;
  fetch?: typeof fetch;
}): Promise<"ok" | "refused" | "unreachable"> {
  if (!/^[\x21-\x7e]{8,256}$/.test(options.apiKey)) return "refused";
  try {
    const response = await (options.fetch ?? fetch)(`${options.baseUrl}/key`, {
      headers: { Authorization: `Bearer ${options.apiKey}` },
      signal: AbortSignal.timeout(15_000),
    });
    await response.body?.cancel();
    if (response.ok) return "ok";
    return response.status === 401 || response.status === 403
      ? "refused"
      : "unreachable";
  } catch {
    return "unreachable";
  }
}
