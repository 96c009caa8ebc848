/** Helpers of the fault tests: reading an event stream as it comes, and apps on a KV file. */
import { ApiClient, TEST_API_KEY, TEST_SESSION_SECRET } from "../app_server.ts";
import type { StreamEvent } from "../app_server.ts";
import type { FakeOpenRouter } from "../fake_openrouter.ts";

/** Reads an event stream incrementally; `events` grows as it is read. */
export function streamReader(res: Response) {
  const events: StreamEvent[] = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let ended = false;
  const pull = async () => {
    const { value, done } = await reader.read();
    if (done) return !(ended = true);
    buffer += value;
    let end;
    while ((end = buffer.indexOf("\n\n")) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = block.match(/^event: (.*)$/m)?.[1];
      const data = block.match(/^data: (.*)$/m)?.[1];
      if (event && data) events.push({ event, data: JSON.parse(data) });
    }
    return true;
  };
  return {
    events,
    /** The answer text received so far. */
    text: () =>
      (events.find((e) => e.event === "start")?.data.message?.content ?? "") +
      events.filter((e) => e.event === "delta").map((e) => e.data.text)
        .join(""),
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

/** The environment of an app process on the KV file in `dir`. */
export function processEnv(
  dir: string,
  fake: FakeOpenRouter,
): Record<string, string> {
  return {
    KV_PATH: `${dir}/chatai.sqlite3`,
    OPENROUTER_BASE_URL: fake.baseUrl,
    OPENROUTER_API_KEY: TEST_API_KEY,
    SESSION_SECRET: TEST_SESSION_SECRET,
    STORAGE_RESERVE_BYTES: "0",
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
