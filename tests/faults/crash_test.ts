/**
 * A server killed with kill -9, or stopped with SIGTERM, during an answer:
 * the answer ends interrupted with its text, and the chat can be used again
 * at once after the restart.
 */
import { assert, assertEquals } from "@/tests/assert.ts";
import { ApiClient } from "../app_server.ts";
import { messagesOf, onKvFile, sameUser, slowAnswer } from "./helpers.ts";

Deno.test({
  name:
    "after kill -9 and a restart the answer is interrupted with its text and the chat takes a new message at once",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: () =>
    onKvFile(async ({ start }) => {
      const first = await start();
      const client = new ApiClient(first.url);
      const id = await client.createChat();
      const reader = await slowAnswer(client, id, 60);
      const seen = reader.text();
      await first.kill("SIGKILL");
      const restarted = performance.now();
      const second = await start();
      const again = sameUser(client, second.url);
      const answer = (await messagesOf(again, id)).at(-1)!;
      const usable = performance.now() - restarted;
      assertEquals(answer.status, "error");
      assertEquals(answer.error?.code, "interrupted");
      assert(answer.content.length > 0, "the flushed text is kept");
      assert(
        seen.startsWith(answer.content.slice(0, seen.length)),
        "the stored text is what the client saw",
      );
      // Nothing runs: the stream is over, cancel has nothing to stop.
      assertEquals(
        (await again.fetch(`/api/chats/${id}/stream`)).status,
        204,
      );
      assertEquals(
        (await again.json<{ cancelled: boolean }>(`/api/chats/${id}/cancel`, {
          method: "POST",
        })).cancelled,
        false,
      );
      const next = await again.send(id, "masih bisa?");
      assertEquals(next.at(-1)!.data.message!.status, "complete");
      console.log(
        `restart to usable chat: ${
          usable.toFixed(0)
        } ms (process start included)`,
      );
    }),
});

Deno.test({
  name:
    "SIGTERM sends the watcher error and done, saves the text as interrupted and exits 0",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: () =>
    onKvFile(async ({ start }) => {
      const first = await start();
      const client = new ApiClient(first.url);
      const id = await client.createChat();
      const reader = await slowAnswer(client, id, 20);
      const stopped = performance.now();
      const [{ status }, { events, broken }] = await Promise.all([
        first.kill("SIGTERM"),
        reader.rest(),
      ]);
      const took = performance.now() - stopped;
      assertEquals(status.code, 0, "the process exits 0");
      assert(!broken, "the stream ends cleanly");
      const [error, done] = events.slice(-2);
      assertEquals(error.event, "error");
      assertEquals(
        (error.data.error as { code: string }).code,
        "interrupted",
      );
      assertEquals(done.event, "done");
      assertEquals(done.data.message!.status, "error");
      assertEquals(done.data.message!.content, reader.text());
      assert(took < 10_000, `the stop took ${took.toFixed(0)} ms`);

      const second = await start();
      const stored = (await messagesOf(sameUser(client, second.url), id))
        .at(-1)!;
      assertEquals(stored.status, "error");
      assertEquals(stored.error?.code, "interrupted");
      assertEquals(stored.content, done.data.message!.content);
    }),
});
