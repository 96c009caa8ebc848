/**
 * Starts the real app on 127.0.0.1 for API and browser tests: in-memory KV,
 * the fake OpenRouter as upstream, and helpers to talk to it as one user.
 */
import { createHandler } from "$fresh/server.ts";
import manifest from "@/fresh.gen.ts";
import { createServices, type Services, setServices } from "@/lib/app.ts";
import { loadConfig } from "@/lib/config.ts";
import { parseSse } from "@/lib/events/sse.ts";
import { type FakeOpenRouter, startFakeOpenRouter } from "./fake_openrouter.ts";

/** The test key; scans prove it never reaches a page. */
export const TEST_API_KEY = "sk-or-v1-test-key-0123456789abcdef";
/** The test session secret; the same scans look for it. */
export const TEST_SESSION_SECRET = "test-session-secret-0123456789abcdef-XYZ";

/** A running app with its fake upstream. */
export interface TestApp {
  url: string;
  services: Services;
  fake: FakeOpenRouter;
  close(): Promise<void>;
}

/** Starts the app with `env` on top of test defaults (fake upstream, KV in memory). */
export async function startApp(
  env: Record<string, string> = {},
): Promise<TestApp> {
  const fake = await startFakeOpenRouter();
  const config = await loadConfig(
    {
      KV_PATH: ":memory:",
      OPENROUTER_API_KEY: TEST_API_KEY,
      OPENROUTER_BASE_URL: fake.baseUrl,
      UPSTREAM_TIMEOUT_MS: "1500",
      SESSION_SECRET: TEST_SESSION_SECRET,
      RATE_LIMIT_PER_MINUTE: "100000",
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: "100000",
      RATE_LIMIT_GLOBAL_PER_MINUTE: "10000000",
      MAX_CONCURRENT_PER_OWNER: "1000",
      CHATS_PER_MINUTE: "100000",
      IMPORTS_PER_HOUR: "100000",
      ...env,
    },
    { secretsPath: "/nonexistent/secrets.toml" },
  );
  const services = await createServices(config);
  setServices(services);
  const leaks: string[] = [];
  const secrets = [
    config.openrouterApiKey,
    ...(config.sessionSecret ?? "").split(","),
  ].filter((secret): secret is string => !!secret && secret.length >= 16);
  const handler = scanForSecrets(
    await createHandler(manifest),
    secrets,
    leaks,
  );
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    handler,
  );
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    services,
    fake,
    async close() {
      await services.close();
      await server.shutdown();
      await fake.close();
      if (leaks.length) {
        throw new Error(`A secret reached a response:\n${leaks.join("\n")}`);
      }
    },
  };
}

/**
 * Wraps a handler so that every response header and body (streams too) is
 * searched for the secrets; a find is recorded in `leaks`.
 */
export function scanForSecrets(
  handler: (req: Request, info: Deno.ServeHandlerInfo) => Promise<Response>,
  secrets: string[],
  leaks: string[],
) {
  const check = (where: string, text: string) => {
    for (const secret of secrets) if (text.includes(secret)) leaks.push(where);
  };
  const longest = Math.max(0, ...secrets.map((s) => s.length));
  return async (req: Request, info: Deno.ServeHandlerInfo) => {
    const res = await handler(req, info);
    const where = `${req.method} ${new URL(req.url).pathname}`;
    check(`${where} (headers)`, [...res.headers].join("\n"));
    if (!res.body) return res;
    const [forClient, forScan] = res.body.tee();
    (async () => {
      let tail = "";
      const decoder = new TextDecoder();
      for await (const chunk of forScan) {
        const text = tail + decoder.decode(chunk, { stream: true });
        check(`${where} (body)`, text);
        tail = text.slice(-longest);
      }
    })().catch(() => {});
    return new Response(forClient, {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
    });
  };
}

/** An API client with its own session cookie: one user of the app. */
export class ApiClient {
  cookie = "";
  constructor(readonly baseUrl: string, readonly lang = "en") {}

  /** Sends a request as this user (same-origin, JSON when `body` is an object). */
  async fetch(
    path: string,
    init: RequestInit & { json?: unknown } = {},
  ): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set("Cookie", this.cookie);
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

/** Reads every event of an event-stream response. */
export async function readEvents(res: Response): Promise<StreamEvent[]> {
  const events: StreamEvent[] = [];
  for await (const event of parseSse(res.body!)) {
    if (event.type !== "event") continue;
    events.push({
      event: event.event ?? "message",
      data: JSON.parse(event.data),
    });
  }
  return events;
}

/** The answer text of a stream: the start message's text plus every delta. */
export function answerText(events: StreamEvent[]): string {
  const start =
    events.find((e) => e.event === "start")?.data.message?.content ?? "";
  return start +
    events.filter((e) => e.event === "delta").map((e) => e.data.text).join("");
}
