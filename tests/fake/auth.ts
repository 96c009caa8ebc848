/**
 * The fake's OAuth PKCE endpoints: `GET /auth` approves at once and sends
 * the browser back to `callback_url` with a one-time `code`;
 * `POST /api/v1/auth/keys` exchanges it for a new key when the verifier's
 * S256 matches the challenge; `GET /api/v1/key` answers 200 for a key it
 * knows (issued, or accepted by the test) and 401 otherwise.
 */

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_")
    .replace(/=+$/, "");

async function s256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(verifier),
  );
  return base64url(new Uint8Array(digest));
}

/** The state of the fake's auth endpoints. */
export class FakeAuth {
  /** Keys handed out by the exchange, in order. */
  readonly issued: string[] = [];
  readonly #known = new Set<string>();
  readonly #codes = new Map<string, string>();
  /** Codes handed out, in order (tests replay them). */
  readonly codes: string[] = [];

  /** Told of every key issued or accepted (the app's secret scan looks for them). */
  onKey?: (key: string) => void;

  /** Makes `GET /key` accept `key`. */
  accept(key: string): void {
    this.#known.add(key);
    this.onKey?.(key);
  }

  /** Answers an auth request, or null when `path` is not one of them. */
  async handle(request: Request, path: string): Promise<Response | null> {
    if (request.method === "GET" && path === "/auth") {
      return this.#approve(request);
    }
    if (request.method === "POST" && path === "/api/v1/auth/keys") {
      return await this.#exchange(request);
    }
    if (request.method === "GET" && path === "/api/v1/key") {
      const key = request.headers.get("Authorization")?.replace(/^Bearer /, "");
      return key && this.#known.has(key)
        ? Response.json({ data: { label: "fake", usage: 0, limit: null } })
        : Response.json({
          error: { code: 401, message: "No auth credentials found" },
        }, {
          status: 401,
        });
    }
    return null;
  }

  #approve(request: Request): Response {
    const params = new URL(request.url).searchParams;
    const callback = params.get("callback_url");
    const challenge = params.get("code_challenge");
    if (
      !callback || !challenge || params.get("code_challenge_method") !== "S256"
    ) {
      return new Response(
        "callback_url and an S256 code_challenge are required",
        {
          status: 400,
        },
      );
    }
    const code = base64url(crypto.getRandomValues(new Uint8Array(18)));
    this.#codes.set(code, challenge);
    this.codes.push(code);
    const back = new URL(callback);
    back.searchParams.set("code", code);
    return new Response(null, {
      status: 302,
      headers: { Location: back.href },
    });
  }

  async #exchange(request: Request): Promise<Response> {
    const body = await request.json().catch(() => null) as
      | {
        code?: string;
        code_verifier?: string;
        code_challenge_method?: string;
      }
      | null;
    const challenge = body?.code ? this.#codes.get(body.code) : undefined;
    const refuse = (message: string) =>
      Response.json({ error: { code: 403, message } }, { status: 403 });
    if (!body?.code || !challenge) return refuse("Invalid code");
    // One use only, whether the verifier is right or not.
    this.#codes.delete(body.code);
    if (
      body.code_challenge_method !== "S256" || !body.code_verifier ||
      await s256(body.code_verifier) !== challenge
    ) {
      return refuse("Invalid code_verifier");
    }
    const key = `sk-or-v1-personal-${
      base64url(crypto.getRandomValues(new Uint8Array(24)))
    }`;
    this.issued.push(key);
    this.accept(key);
    return Response.json({ key, user_id: "user_fake" });
  }
}
