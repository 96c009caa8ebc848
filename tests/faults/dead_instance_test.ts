/**
 * Two instances on one KV file: when the one generating an answer dies, a
 * watcher on the other ends with the error "interrupted" and the repaired
 * message, within the lease's time to live, and the chat is usable there.
 */
import { assert, assertEquals } from "@/tests/assert.ts";
import { ApiClient } from "../app_server.ts";
import { onKvFile, sameUser, slowAnswer, streamReader } from "./helpers.ts";

/** The lease's default time to live (lib/generation/lease.ts). */
const LEASE_MS = 15_000;

Deno.test({
  name:
    "a watcher on a second instance gets error interrupted when the generating instance is killed",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: () =>
    onKvFile(async ({ start }) => {
      // One after the other: the first creates the database.
      const one = await start();
      const two = await start();
      const onOne = new ApiClient(one.url);
      const id = await onOne.createChat();
      // Some text stored, so the other instance sees it.
      await slowAnswer(onOne, id, 30);
      const onTwo = sameUser(onOne, two.url);
      const follow = await onTwo.fetch(`/api/chats/${id}/stream`);
      assertEquals(follow.status, 200);
      const watcher = streamReader(follow);
      await one.kill("SIGKILL");
      const killed = performance.now();
      const { events, broken } = await watcher.rest();
      const took = performance.now() - killed;
      const [error, done] = events.slice(-2);
      if (done?.event !== "done") {
        // Seen twice on a loaded machine: "start" and then nothing. What the
        // watching instance printed is all there is to go on.
        const { stderr } = await two.kill("SIGTERM");
        const seen = events.map((e) => e.event).join(", ");
        throw new Error(
          `The watcher saw ${seen} (${
            broken ? "broken" : "closed"
          }); instance two printed:\n${stderr}`,
        );
      }
      assertEquals(error.event, "error");
      assertEquals((error.data.error as { code: string }).code, "interrupted");
      assertEquals(done.event, "done");
      assertEquals(done.data.message!.status, "error");
      assert(done.data.message!.content.length > 0, "the text is kept");
      assert(took < LEASE_MS, `the watcher waited ${took.toFixed(0)} ms`);
      console.log(`watcher told after ${took.toFixed(0)} ms`);
      // Nothing runs any more: cancel says so, a new message is answered.
      assertEquals(
        (await onTwo.json<{ cancelled: boolean }>(`/api/chats/${id}/cancel`, {
          method: "POST",
        })).cancelled,
        false,
      );
      const next = await onTwo.send(id, "lanjut di instans dua");
      assertEquals(next.at(-1)!.data.message!.status, "complete");
    }),
});
