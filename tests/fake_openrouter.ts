/**
 * A fake OpenRouter (OpenAI-compatible) server for tests and benchmarks,
 * as nasty as the real one: SSE cut at random byte offsets (inside UTF-8
 * characters too), `: OPENROUTER PROCESSING` comments, usage in the last
 * chunk, errors in the middle of a 200 stream, stalls and slow streams.
 *
 * Each completion request gets, in order of precedence: the next scenario
 * passed to `enqueue()`; a marker in the last user message; an `unknown/…`
 * model's 400; the `defaultScenario` option; an echo of the last user
 * message (`Echo: …` plus Indonesian, emoji and CJK text), word by word.
 *
 * Markers (browser tests type them into a message):
 * - `[[fake:error401]]` (any status: 400 401 402 403 404 408 429 500 502 503…):
 *   that HTTP status with OpenRouter's JSON error body; 429 has `Retry-After: 2`
 * - `[[fake:wide_table]]`: an answer holding a table wider than a phone
 * - `[[fake:slow]]`, `[[fake:slow=200]]`: the echo at 50 (or 200) ms per token
 * - `[[fake:delay=3000]]`: the echo after a first-token delay
 * - `[[fake:stall]]`: three tokens, then silence until the client leaves
 * - `[[fake:long]]`, `[[fake:long=65536]]`: a 1 MB (or n-byte) answer
 * - `[[fake:reasoning]]`: reasoning deltas, then the echo
 * - `[[fake:midstream_error]]`: three tokens, then `{"error":{"code":502}}`
 * - `[[fake:bad_json]]`, `[[fake:html]]`: a body the client cannot read
 *
 * OAuth PKCE (tests/fake/auth.ts): `GET /auth` approves at once and
 * redirects to `callback_url` with a one-time `code`; `POST /api/v1/auth/keys`
 * exchanges it for a new key when the S256 of `code_verifier` matches;
 * `GET /api/v1/key` accepts the keys it issued or was told to accept.
 *
 * Run standalone: `deno run -A tests/fake_openrouter.ts --port 8089`; it
 * prints its base URL. See `tests/fake/cli.ts` for the flags, and the
 * `/__fake/*` control routes below for driving it from another process.
 */
import { FakeAuth } from "./fake/auth.ts";
import { runCli } from "./fake/cli.ts";
import { errorResponse, openRouterError } from "./fake/errors.ts";
import { FAKE_MODELS } from "./fake/models.ts";
import { seededRandom } from "./fake/random.ts";
import {
  completionContext,
  type End,
  nonStreamAnswer,
  type RecordedRequest,
  recordRequest,
} from "./fake/request.ts";
import {
  planStream,
  type Scenario,
  scenarioFromMarker,
} from "./fake/scenarios.ts";
import { sseBody } from "./fake/stream.ts";
import { Waiters } from "./fake/waiters.ts";

import type { FakeOpenRouter, FakeOpenRouterOptions } from "./fake/types.ts";

export type { RecordedRequest } from "./fake/request.ts";
export type { FakeOpenRouter, FakeOpenRouterOptions } from "./fake/types.ts";
export type { AnswerOptions, Scenario } from "./fake/scenarios.ts";
export { parseStamps } from "./fake/timestamps.ts";

const PREFIX = "/api/v1";

/** Starts a fake OpenRouter on 127.0.0.1 (port 0 by default). */
export function startFakeOpenRouter(
  options: FakeOpenRouterOptions = {},
): Promise<FakeOpenRouter> {
  const requests: RecordedRequest[] = [];
  const queue: Scenario[] = [];
  const closing = new AbortController();
  const waiters = new Waiters();
  const auth = new FakeAuth();
  if (options.apiKey) auth.accept(options.apiKey);
  let models: "ok" | "error" | "invalid" | unknown[] = "ok";

  async function record(request: Request): Promise<[RecordedRequest, End]> {
    const [recorded, end] = await recordRequest(request, requests.length);
    requests.push(recorded);
    waiters.notify();
    return [recorded, end];
  }

  function complete(
    recorded: RecordedRequest,
    end: End,
    clientGone: AbortSignal,
  ): Response {
    const auth = recorded.headers["authorization"];
    if (options.apiKey && auth !== `Bearer ${options.apiKey}`) {
      return errorResponse(401, openRouterError(401, "").message);
    }
    const ctx = completionContext(recorded);
    if (!ctx) {
      return errorResponse(400, "Expected a JSON body with model and messages");
    }
    const lastUser = ctx.messages.findLast((m) => m.role === "user");
    const scenario: Scenario = queue.shift() ??
      scenarioFromMarker(lastUser?.content ?? "") ??
      (ctx.model.startsWith("unknown/")
        ? { type: "http_error", status: 400 }
        : undefined) ??
      options.defaultScenario ?? { type: "answer" };
    recorded.scenario = scenario.type;

    if (scenario.type === "http_error") {
      const fallback = openRouterError(scenario.status, ctx.model);
      const retryAfter = scenario.retryAfter ??
        (scenario.status === 429 ? "2" : undefined);
      return errorResponse(
        scenario.status,
        scenario.message ?? fallback.message,
        scenario.metadata ?? fallback.metadata,
        retryAfter ? { "Retry-After": retryAfter } : {},
      );
    }
    const merged = scenario.type === "raw"
      ? scenario
      : { ...options.answer, ...scenario };
    if (
      (recorded.body as { stream?: unknown }).stream !== true &&
      merged.type !== "raw"
    ) {
      return Response.json(nonStreamAnswer(ctx, merged));
    }
    const stream = sseBody(planStream(merged, ctx), {
      random: seededRandom((options.seed ?? 1) + recorded.index),
      maxPiece: scenario.type === "long"
        ? 16384
        : (scenario.type === "raw" ? scenario.maxPiece : undefined) ??
          options.maxPiece ?? 24,
      comments: scenario.type === "raw" ? false : options.comments ?? true,
      commentIntervalMs: options.commentIntervalMs ?? 1000,
      eol: options.eol ?? "\n",
      serverSignal: closing.signal,
      clientSignal: clientGone,
      onEnd: (how) => how === "closed_by_client" && end(how),
    });
    return new Response(stream, {
      status: scenario.type === "raw" ? scenario.status ?? 200 : 200,
      headers: {
        "Content-Type": scenario.type === "raw"
          ? scenario.contentType ?? "text/event-stream"
          : "text/event-stream",
        "Cache-Control": "no-cache",
        "X-Generation-Id": `gen-fake-${recorded.index}`,
      },
    });
  }

  function listModels(): Response {
    if (models === "error") return errorResponse(500, "Internal Server Error");
    if (models === "invalid") {
      return new Response("<html>oops</html>", {
        headers: { "Content-Type": "text/html" },
      });
    }
    return Response.json({ data: models === "ok" ? FAKE_MODELS : models });
  }

  async function control(request: Request, path: string): Promise<Response> {
    if (path === "/__fake/requests") {
      return Response.json(requests.map(({ ended: _, ...rest }) => rest));
    }
    const body = await request.json().catch(() => null);
    if (path === "/__fake/enqueue" && body) {
      queue.push(...(Array.isArray(body) ? body : [body]));
      return Response.json({ queued: queue.length });
    }
    if (path === "/__fake/models" && body) {
      models = body.behavior ?? body;
      return Response.json({ ok: true });
    }
    return errorResponse(404, `Unknown control route ${path}`);
  }

  async function handle(
    request: Request,
    info: Deno.ServeHandlerInfo,
  ): Promise<Response> {
    const path = new URL(request.url).pathname;
    if (path.startsWith("/__fake/")) return control(request, path);
    // OAuth and key checks are not completions: they are not recorded.
    const authAnswer = await auth.handle(request, path);
    if (authAnswer) return authAnswer;
    const [recorded, end] = await record(request);
    // `completed` rejects when the client leaves before the whole response
    // was delivered; the stream's own cancel may notice it even sooner.
    const gone = new AbortController();
    info.completed.then(
      () => end("finished"),
      () => {
        end("closed_by_client");
        gone.abort();
      },
    );
    if (request.method === "POST" && path === `${PREFIX}/chat/completions`) {
      return complete(recorded, end, gone.signal);
    }
    if (request.method === "GET" && path === `${PREFIX}/models`) {
      return listModels();
    }
    return errorResponse(404, `No route for ${request.method} ${path}`);
  }

  return new Promise((resolve) => {
    const server = Deno.serve({
      hostname: options.hostname ?? "127.0.0.1",
      port: options.port ?? 0,
      onListen({ hostname, port }) {
        resolve({
          baseUrl: `http://${hostname}:${port}${PREFIX}`,
          authUrl: `http://${hostname}:${port}/auth`,
          auth,
          port,
          requests,
          enqueue: (...scenarios) => void queue.push(...scenarios),
          setModels: (behavior) => void (models = behavior),
          waitForRequest: (index, timeoutMs = 2000) =>
            waiters.until(() => requests[index], timeoutMs, `request ${index}`),
          async waitForClose(index, timeoutMs = 2000) {
            const recorded = await waiters.until(
              () => requests[index],
              timeoutMs,
              `request ${index}`,
            );
            const how = await waiters.race(recorded.ended, timeoutMs);
            if (how !== "closed_by_client") {
              throw new Error(
                how
                  ? `Request ${index} was not closed by the client: its response finished`
                  : `Request ${index} was still open after ${timeoutMs} ms`,
              );
            }
          },
          async close() {
            closing.abort();
            waiters.cancelAll();
            await server.shutdown();
          },
        });
      },
    }, handle);
  });
}

if (import.meta.main) await runCli(startFakeOpenRouter);

/** Runs `fn` against a fresh fake and closes it afterwards. */
export async function withFake(
  fn: (fake: FakeOpenRouter) => Promise<void>,
  options?: FakeOpenRouterOptions,
): Promise<void> {
  const fake = await startFakeOpenRouter(options);
  try {
    await fn(fake);
  } finally {
    await fake.close();
  }
}
