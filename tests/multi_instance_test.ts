/**
 * Two app processes on one KV database behave as one app: chats are shared,
 * a cancel sent to either stops the answer, and either can follow an answer
 * the other generates.
 */
import { assert, assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import {
  answerText,
  ApiClient,
  readEvents,
  savedAnswerText,
  type StreamEvent,
  streamEvents,
} from "./app_server.ts";
import { processEnv, startAppProcess } from "./app_process.ts";
import { startFakeOpenRouter } from "./fake_openrouter.ts";

/** Reads `events` up to the first `name` event and returns it; the rest stays unread. */
async function readUntil(
  events: AsyncIterator<StreamEvent>,
  name: string,
): Promise<StreamEvent> {
  for (;;) {
    const next = await events.next();
    if (next.done) throw new Error(`The stream ended before a ${name} event`);
    if (next.value.event === name) return next.value;
  }
}

/** The rest of `events`, to the end of the stream. */
async function readRest(
  events: AsyncIterator<StreamEvent>,
): Promise<StreamEvent[]> {
  const rest: StreamEvent[] = [];
  for (let next = await events.next(); !next.done; next = await events.next()) {
    rest.push(next.value);
  }
  return rest;
}

Deno.test({
  name: "two instances on one KV share chats, cancels and running answers",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dir = await Deno.makeTempDir();
    const fake = await startFakeOpenRouter();
    const env = processEnv(dir, fake);
    // Started together, as instances of one deployment are.
    const [one, two] = await Promise.all([
      startAppProcess(env),
      startAppProcess(env),
    ]);
    try {
      const onOne = new ApiClient(one.url);
      const id = await onOne.createChat({ title: "Dibuat di satu" });
      // The same person (same cookie) on the other instance.
      const onTwo = new ApiClient(two.url);
      onTwo.cookie = onOne.cookie;
      const { chats } = await onTwo.json<{ chats: { id: string }[] }>(
        "/api/chats",
      );
      assertEquals(chats.map((c) => c.id), [id]);

      // A cancel sent to instance two stops the answer running on instance one.
      const running = await onOne.fetch(`/api/chats/${id}/messages`, {
        method: "POST",
        json: { content: "[[fake:slow=50]] cerita yang sangat panjang sekali" },
      });
      const events = streamEvents(running);
      // The answer is running on instance one once its first text arrives.
      await readUntil(events, "delta");
      const started = performance.now();
      assertEquals(
        (await onTwo.json<{ cancelled: boolean }>(`/api/chats/${id}/cancel`, {
          method: "POST",
        })).cancelled,
        true,
      );
      const final = (await readRest(events)).at(-1)!;
      const took = performance.now() - started;
      assertEquals(final.data.message!.status, "cancelled");
      assert(took < 1000, `the cancel took ${took.toFixed(0)} ms`);
      await fake.waitForClose(fake.requests.length - 1, 1000);

      // Instance two follows an answer that instance one generates, to its end.
      const second = await onOne.fetch(`/api/chats/${id}/messages`, {
        method: "POST",
        json: { content: "[[fake:slow=80]] ikuti dari instans lain" },
      });
      const direct = streamEvents(second);
      const { message } = (await readUntil(direct, "start")).data;
      // Follow once instance one has saved some of the text to KV.
      await savedAnswerText(onTwo, { chatId: id, messageId: message!.id });
      const follow = await onTwo.fetch(`/api/chats/${id}/stream`);
      assertEquals(follow.status, 200);
      const followed = await readEvents(follow);
      assertEquals(followed[0].event, "start");
      assert(
        followed[0].data.message!.content.length > 0,
        "it starts from the text flushed so far",
      );
      const end = followed.at(-1)!;
      assertEquals([end.event, end.data.message!.status], ["done", "complete"]);
      assertStringIncludes(
        end.data.message!.content,
        "ikuti dari instans lain",
      );
      assertEquals(answerText(followed), end.data.message!.content);
      assertEquals(
        (await readRest(direct)).at(-1)!.data.message!.content,
        end.data.message!.content,
      );
    } finally {
      await one.stop();
      await two.stop();
      await fake.close();
      await Deno.remove(dir, { recursive: true });
    }
  },
});
