import { assertEquals, assertRejects } from "@/tests/assert.ts";
import type { Message } from "@/lib/chats/types.ts";
import { readEvents } from "@/tests/app_server.ts";
import { watchRemote } from "./remote_watch.ts";

const base: Message = {
  id: "m",
  role: "assistant",
  content: "",
  createdAt: "2026-11-24T05:00:00.000Z",
  status: "streaming",
};

Deno.test("watchRemote() sends the flushed text as it grows, then done", async () => {
  const states = ["Halo", "Halo, apa", "Halo, apa kabar?"];
  let reads = 0;
  const stream = watchRemote({
    read: () => {
      const i = Math.min(reads++, states.length - 1);
      const done = reads > states.length;
      return Promise.resolve({
        ...base,
        content: states[i],
        status: done ? "complete" : "streaming",
      });
    },
    alive: () => Promise.resolve(true),
  }, { pollMs: 1 });
  const events = await readEvents(new Response(stream));
  assertEquals(events.map((e) => e.event), ["start", "delta", "delta", "done"]);
  assertEquals(events[0].data.message!.content, "Halo");
  assertEquals(events.at(-1)!.data.message!.status, "complete");
});

Deno.test("watchRemote() ends when the generating instance's lease is gone", async () => {
  const stream = watchRemote({
    read: () => Promise.resolve({ ...base, content: "sebagian" }),
    alive: () => Promise.resolve(false),
  }, { pollMs: 1 });
  const events = await readEvents(new Response(stream));
  assertEquals(events.map((e) => e.event), ["start", "done"]);
  assertEquals(events.at(-1)!.data.message!.content, "sebagian");
});

Deno.test("watchRemote() ends with the repaired message's error when the generating instance died", async () => {
  const stream = watchRemote({
    read: () => Promise.resolve({ ...base, content: "sebagian" }),
    alive: () => Promise.resolve(false),
    repair: () =>
      Promise.resolve({
        ...base,
        content: "sebagian",
        status: "error",
        error: { code: "interrupted", message: "Terputus" },
      }),
  }, { pollMs: 1 });
  const events = await readEvents(new Response(stream));
  assertEquals(events.map((e) => e.event), ["start", "error", "done"]);
  assertEquals(events.at(-1)!.data.message!.status, "error");
});

Deno.test("watchRemote() reads again after a failed read and still ends with done", async () => {
  let reads = 0;
  const stream = watchRemote({
    read: () => {
      reads++;
      if (reads === 2 || reads === 3) {
        return Promise.reject(new TypeError("database is locked"));
      }
      return Promise.resolve({
        ...base,
        content: reads === 1 ? "Halo" : "Halo, apa kabar?",
        status: reads >= 5 ? "complete" : "streaming",
      });
    },
    alive: () => Promise.resolve(true),
  }, { pollMs: 1 });
  const events = await readEvents(new Response(stream));
  assertEquals(events.map((e) => e.event), ["start", "delta", "done"]);
  assertEquals(events.at(-1)!.data.message!.content, "Halo, apa kabar?");
});

Deno.test("watchRemote() gives up when reads keep failing", async () => {
  let reads = 0;
  const stream = watchRemote({
    read: () =>
      reads++ === 0
        ? Promise.resolve({ ...base, content: "Halo" })
        : Promise.reject(new TypeError("database is locked")),
    alive: () => Promise.resolve(true),
  }, { pollMs: 1, failureMs: 20 });
  await assertRejects(
    () => readEvents(new Response(stream)),
    TypeError,
    "database is locked",
  );
});
