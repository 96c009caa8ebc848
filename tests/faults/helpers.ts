/** Helpers of the fault tests: reading an event stream as it comes, and apps on a KV file. */
import {
  answerText,
  ApiClient,
  savedAnswerText,
  streamEvents,
} from "../app_server.ts";
import type { StreamEvent } from "../app_server.ts";
import {
  type AppProcess,
  processEnv,
  startAppProcess,
} from "../app_process.ts";

export { processEnv };
import {
  type FakeOpenRouter,
  startFakeOpenRouter,
} from "../fake_openrouter.ts";

/** Reads an event stream incrementally; `events` grows as it is read. */
export function streamReader(res: Response) {
  const events: StreamEvent[] = [];
  const stream = streamEvents(res);
  let ended = false;
  const pull = async () => {
    const next = await stream.next();
    if (next.done) return !(ended = true);
    events.push(next.value);
    return true;
  };
  return {
    events,
    /** The answer text received so far. */
    text: () => answerText(events),
    async waitForDeltas(n: number) {
      while (events.filter((e) => e.event === "delta").length < n) {
        if (!await pull()) throw new Error("The stream ended early");
      }
    },
    /** Reads to the end; a broken connection ends it too. */
    async rest(): Promise<{ events: StreamEvent[]; broken: boolean }> {
      try {
        while (await pull());
        return { events, broken: false };
      } catch {
        return { events, broken: !ended };
      }
    },
  };
}

/** The same user (same session cookie) on another instance. */
export function sameUser(client: ApiClient, url: string): ApiClient {
  const other = new ApiClient(url, client.lang);
  other.cookie = client.cookie;
  return other;
}

/** A chat's messages as the API returns them. */
export async function messagesOf(client: ApiClient, chatId: string) {
  const { messages } = await client.json<{
    messages: {
      id: string;
      role: string;
      content: string;
      status: string;
      error?: { code: string; message: string };
    }[];
  }>(`/api/chats/${chatId}`);
  return messages;
}

/** Waits a moment. */
export const sleep = (ms: number) =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** What a fault test gets from `onKvFile`. */
export interface KvFileRun {
  fake: FakeOpenRouter;
  env: Record<string, string>;
  /** Starts an app process on the file; every one is stopped at the end. */
  start(): Promise<AppProcess>;
}

/**
 * Runs `fn` with a fake upstream and app processes on one new KV file, and
 * stops them, the fake and the file afterwards whatever happened.
 */
export async function onKvFile(
  fn: (run: KvFileRun) => Promise<void>,
): Promise<void> {
  const dir = await Deno.makeTempDir();
  const fake = await startFakeOpenRouter();
  const env = processEnv(dir, fake);
  const apps: AppProcess[] = [];
  try {
    await fn({
      fake,
      env,
      async start() {
        const app = await startAppProcess(env);
        apps.push(app);
        return app;
      },
    });
  } finally {
    for (const app of apps) await app.stop();
    await fake.close();
    await Deno.remove(dir, { recursive: true });
  }
}

/**
 * Sends a slowly streamed answer and waits until `deltas` of it arrived and
 * some of its text is stored (so a crash has text to keep).
 */
export async function slowAnswer(
  client: ApiClient,
  chatId: string,
  deltas: number,
): Promise<ReturnType<typeof streamReader>> {
  const res = await client.fetch(`/api/chats/${chatId}/messages`, {
    method: "POST",
    json: { content: `[[fake:slow=20]] ${"kata ".repeat(200)}` },
  });
  const reader = streamReader(res);
  await reader.waitForDeltas(deltas);
  await savedAnswerText(client, { chatId });
  return reader;
}
