/**
 * Starts the real app on 127.0.0.1 for API and browser tests: in-memory KV,
 * the fake OpenRouter as upstream, and helpers to talk to it as one user.
 */
import { createHandler } from "$fresh/server.ts";
import manifest from "@/fresh.gen.ts";
import {
  createServices,
  type ServiceOptions,
  type Services,
  setServices,
} from "@/lib/app.ts";
import { loadConfig } from "@/lib/config.ts";
import { parseSse } from "@/lib/events/sse.ts";
import { type FakeOpenRouter, startFakeOpenRouter } from "./fake_openrouter.ts";
import { SecretScan } from "./secret_scan.ts";
import { markServerClosed } from "./closed_servers.ts";
import { pollUntil } from "./poll.ts";
import { sharedBuild } from "./shared_build.ts";

/** The test key; scans prove it never reaches a page. */
export const TEST_API_KEY = "sk-or-v1-test-key-0123456789abcdef";
/** The test session secret; the same scans look for it. */
export const TEST_SESSION_SECRET = "test-session-secret-0123456789abcdef-XYZ";

/** A running app with its fake upstream; `await using` closes it. */
export interface TestApp extends AsyncDisposable {
  url: string;
  services: Services;
  fake: FakeOpenRouter;
  /** The scan of every response; `add()` a secret a test makes up (a pasted key). */
  scan: SecretScan;
  /** Stops the app and its fake; throws if a secret reached a response. */
  close(): Promise<void>;
}

/** Starts the app with `env` on top of test defaults (fake upstream, KV in memory). */
export async function startApp(
  env: Record<string, string> = {},
  options: ServiceOptions = {},
): Promise<TestApp> {
  const fake = await startFakeOpenRouter();
  const config = await loadConfig(
    {
      KV_PATH: ":memory:",
      OPENROUTER_API_KEY: TEST_API_KEY,
      OPENROUTER_BASE_URL: fake.baseUrl,
      OPENROUTER_AUTH_URL: fake.authUrl,
      UPSTREAM_TIMEOUT_MS: "1500",
      // Partial text reaches KV within 100 ms, so tests poll instead of sleeping a second.
      FLUSH_INTERVAL_MS: "100",
      SESSION_SECRET: TEST_SESSION_SECRET,
      RATE_LIMIT_PER_MINUTE: "100000",
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: "100000",
      RATE_LIMIT_GLOBAL_PER_MINUTE: "10000000",
      MAX_CONCURRENT_PER_OWNER: "1000",
      CHATS_PER_MINUTE: "100000",
      IMPORTS_PER_HOUR: "100000",
      SIGN_IN_ATTEMPTS_PER_ADDRESS: "100000",
      ...env,
    },
    { secretsPath: "/nonexistent/secrets.toml" },
  );
  const services = await createServices(config, options);
  setServices(services);
  const scan = new SecretScan(
    [
      config.openrouterApiKey,
      ...(config.sessionSecret ?? "").split(","),
      config.accounts.keySecret,
    ].filter((secret): secret is string => !!secret && secret.length >= 16),
  );
  // People's own keys: issued by the fake's PKCE exchange, or pasted.
  fake.auth.onKey = (key) => scan.add(key);
  const handler = scan.wrap(
    await createHandler(manifest, await sharedBuild(manifest)),
  );
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    handler,
  );
  const app: TestApp = {
    url: `http://127.0.0.1:${server.addr.port}`,
    services,
    fake,
    scan,
    async close() {
      markServerClosed(app.url);
      await services.close();
      await server.shutdown();
      await fake.close();
      await scan.settled();
      if (scan.leaks.length) {
        throw new Error(
          `A secret reached a response:\n${scan.leaks.join("\n")}`,
        );
      }
    },
    [Symbol.asyncDispose]: () => app.close(),
  };
  return app;
}

/** An API client with its own session cookie: one user of the app. */
export class ApiClient {
  cookie = "";
  /** The signed-in account's cookie (`chatai_account=…`), once one signed in. */
  accountCookie = "";
  constructor(readonly baseUrl: string, readonly lang = "en") {}

  /** Sends a request as this user (same-origin, JSON when `body` is an object). */
  async fetch(
    path: string,
    init: RequestInit & { json?: unknown } = {},
  ): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookies = [this.cookie, this.accountCookie].filter(Boolean);
    if (cookies.length) headers.set("Cookie", cookies.join("; "));
    headers.set("Origin", this.baseUrl);
    headers.set("Accept-Language", this.lang);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set("Content-Type", "application/json");
      body = JSON.stringify(init.json);
    }
    const res = await fetch(this.baseUrl + path, { ...init, headers, body });
    const set = res.headers.getSetCookie().find((c) =>
      c.startsWith("chatai_session=")
    );
    if (set) this.cookie = set.split(";")[0];
    const account = res.headers.getSetCookie().find((c) =>
      c.startsWith("chatai_account=")
    );
    if (account) {
      const value = account.split(";")[0];
      this.accountCookie = value === "chatai_account=" ? "" : value;
    }
    return res;
  }

  /** A JSON request whose answer must have `status`; returns the parsed body. */
  async json<T = Record<string, unknown>>(
    path: string,
    init: RequestInit & { json?: unknown } = {},
    status = 200,
  ): Promise<T> {
    const res = await this.fetch(path, init);
    const text = await res.text();
    if (res.status !== status) {
      throw new Error(
        `${
          init.method ?? "GET"
        } ${path}: expected ${status}, got ${res.status}: ${text}`,
      );
    }
    return text ? JSON.parse(text) : (undefined as T);
  }

  /** Creates a chat and returns its id. */
  async createChat(init: Record<string, unknown> = {}): Promise<string> {
    const { chat } = await this.json<{ chat: { id: string } }>(
      "/api/chats",
      { method: "POST", json: init },
      201,
    );
    return chat.id;
  }

  /** Sends a message and reads the whole event stream. */
  async send(chatId: string, content: string): Promise<StreamEvent[]> {
    const res = await this.fetch(`/api/chats/${chatId}/messages`, {
      method: "POST",
      json: { content },
    });
    if (res.status !== 200) {
      throw new Error(`send: ${res.status} ${await res.text()}`);
    }
    return await readEvents(res);
  }
}

/**
 * Waits until an answer of `chatId` (message `messageId`, or the newest
 * answer) has partial text saved in KV, as a reload or another instance reads
 * it; returns that text.
 */
export async function savedAnswerText(
  client: ApiClient,
  ref: { chatId: string; messageId?: string },
): Promise<string> {
  return await pollUntil(async () => {
    const { messages } = await client.json<{
      messages: { id: string; role: string; content: string }[];
    }>(`/api/chats/${ref.chatId}`);
    const answer = messages.findLast((m) =>
      ref.messageId ? m.id === ref.messageId : m.role === "assistant"
    );
    return answer?.content || undefined;
  }, { what: `saved answer text in chat ${ref.chatId}` });
}

/** One event of the app's stream. */
export interface StreamEvent {
  event: string;
  data: Record<string, unknown> & {
    text?: string;
    message?: Record<string, unknown> & {
      content: string;
      status: string;
      id: string;
    };
  };
}

/** The events of an event-stream response, as they arrive. */
export async function* streamEvents(
  res: Response,
): AsyncGenerator<StreamEvent> {
  for await (const event of parseSse(res.body!)) {
    if (event.type !== "event") continue;
    yield { event: event.event ?? "message", data: JSON.parse(event.data) };
  }
}

/** Reads every event of an event-stream response. */
export async function readEvents(res: Response): Promise<StreamEvent[]> {
  return await Array.fromAsync(streamEvents(res));
}

/** The answer text of a stream: the start message's text plus every delta. */
export function answerText(events: StreamEvent[]): string {
  const start =
    events.find((e) => e.event === "start")?.data.message?.content ?? "";
  return start +
    events.filter((e) => e.event === "delta").map((e) => e.data.text).join("");
}
