import { assert, assertEquals } from "@/tests/assert.ts";
import type { Message } from "@/lib/chats/types.ts";
import {
  answerRunning,
  busy,
  canRefresh,
  connectionNote,
  type ConversationEvent,
  type ConversationState,
  initialConversation,
  reduce,
} from "./conversation.ts";

const at = "2026-01-01T00:00:00.000Z";
const user = (id: string, content = "halo"): Message => ({
  id,
  role: "user",
  content,
  createdAt: at,
  status: "complete",
});
const answer = (id: string, patch: Partial<Message> = {}): Message => ({
  id,
  role: "assistant",
  content: "",
  createdAt: at,
  status: "streaming",
  ...patch,
});

const run = (
  events: ConversationEvent[],
  from: ConversationState = initialConversation(),
) => events.reduce(reduce, from);

/** A send that the server accepted, with its user and start events. */
const sent: ConversationEvent[] = [
  { type: "request", kind: "send" },
  { type: "accepted" },
  { type: "user", message: user("u1") },
  { type: "start", message: answer("a1") },
];

Deno.test("a sent message waits as pending until its stream starts, then the answer runs", () => {
  const waiting = run(sent.slice(0, 2));
  assertEquals(waiting.pending, "send");
  assert(busy(waiting), "a second send must wait");
  assert(!answerRunning(waiting));
  const started = run(sent);
  assertEquals(started.pending, null);
  assertEquals(started.link, { phase: "live" });
  assertEquals(started.tail.map((m) => m.id), ["u1", "a1"]);
  assert(answerRunning(started) && busy(started));
});

Deno.test("delta and reasoning events append to the running answer only", () => {
  const state = run([
    ...sent,
    { type: "delta", text: "Hal" },
    { type: "delta", text: "o!" },
    { type: "reasoning", text: "menyapa" },
  ]);
  assertEquals(state.tail[1].content, "Halo!");
  assertEquals(state.tail[1].reasoning, "menyapa");
  assertEquals(state.tail[0].content, "halo", "the question is unchanged");
});

Deno.test("done stores the final answer, ends the link and marks the history stale", () => {
  const final = answer("a1", { content: "Halo!", status: "complete" });
  const state = run([...sent, { type: "done", message: final, now: 1 }]);
  assertEquals(state.tail[1], final);
  assertEquals(state.link, { phase: "idle" });
  assert(!busy(state));
  assert(canRefresh(state), "the server's history can be read again");
  assertEquals(run([{ type: "refreshed" }], state).tail, []);
});

Deno.test("an error event marks the answer; done then gives its final state", () => {
  const error = { code: "upstream_error", message: "Kunci API ditolak." };
  const state = run([...sent, { type: "delta", text: "Se" }, {
    type: "error",
    error,
  }]);
  assertEquals(state.tail[1].error, error);
  assertEquals(state.problem, null, "the answer itself shows the failure");
  const done = run([{
    type: "done",
    message: answer("a1", { content: "Se", status: "error", error }),
    now: 1,
  }], state);
  assertEquals(done.tail[1].status, "error");
  assertEquals(done.link.phase, "idle");
});

Deno.test("an error before any answer started becomes the problem shown", () => {
  const state = run([{ type: "request", kind: "send" }, { type: "accepted" }, {
    type: "error",
    error: { code: "rate_limited", message: "Terlalu banyak." },
  }]);
  assertEquals(state.problem, { text: "Terlalu banyak." });
});

Deno.test("a refused request (429) leaves nothing pending and says why", () => {
  const state = run([{ type: "request", kind: "send" }, {
    type: "refused",
    text: "Tunggu 20 detik.",
  }]);
  assertEquals(state.pending, null);
  assertEquals(state.problem, { text: "Tunggu 20 detik." });
  assertEquals(state.tail, []);
  assert(!busy(state));
});

Deno.test("an unreachable server is a problem of ours, in the UI language", () => {
  const state = run([{ type: "request", kind: "send" }, {
    type: "unreachable",
  }]);
  assertEquals(state.problem, { key: "msg.unreachable" });
  assert(!busy(state));
});

Deno.test("a new request clears the previous problem", () => {
  const state = run([
    { type: "problem", problem: { text: "x" } },
    { type: "request", kind: "send" },
  ]);
  assertEquals(state.problem, null);
});

Deno.test("a broken stream is lost, re-attaches with start, and the text restarts from the server's", () => {
  const broken = run([...sent, { type: "delta", text: "Hal" }, {
    type: "link",
    event: { type: "broken", now: 10, online: true },
  }]);
  assertEquals(connectionNote(broken), "lost");
  assert(answerRunning(broken), "the answer still runs on the server");
  const again = run([
    { type: "start", message: answer("a1", { content: "Halo, du" }) },
    { type: "delta", text: "nia" },
  ], broken);
  assertEquals(again.link, { phase: "live" });
  assertEquals(again.tail[1].content, "Halo, dunia", "no text twice");
});

Deno.test("offline, online and giving up show in the connection note; a given-up link frees the composer", () => {
  const offline = run([...sent, {
    type: "link",
    event: { type: "broken", now: 1, online: false },
  }]);
  assertEquals(connectionNote(offline), "offline");
  const online = run(
    [{ type: "link", event: { type: "online", now: 2 } }],
    offline,
  );
  assertEquals(connectionNote(online), "lost");
  const gaveUp = run([{ type: "link", event: { type: "gave_up" } }], online);
  assertEquals(connectionNote(gaveUp), "gave_up");
  assert(!answerRunning(gaveUp));
  const retried = run([{
    type: "link",
    event: { type: "reconnect", now: 3, online: true },
  }], gaveUp);
  assertEquals(connectionNote(retried), "lost");
});

Deno.test("a reload during an answer starts with it in the tail and re-attaches to it", () => {
  const initial = initialConversation(answer("a1", { content: "Sebagian" }));
  assertEquals(initial.answerId, "a1");
  assert(answerRunning(initial));
  const state = run([{
    type: "start",
    message: answer("a1", { content: "Sebagian teks" }),
  }], initial);
  assertEquals(state.tail.length, 1);
  assertEquals(state.tail[0].content, "Sebagian teks");
});

Deno.test("a running answer learnt after the state was made is adopted once", () => {
  const state = run([{ type: "adopt", streaming: answer("a1") }]);
  assert(answerRunning(state));
  assertEquals(state.answerId, "a1");
  const again = run([{ type: "adopt", streaming: answer("a2") }], state);
  assertEquals(again.tail.map((m) => m.id), ["a1"]);
});

Deno.test("when /stream answers 204 the stored answer says how it ended", () => {
  const initial = initialConversation(answer("a1", { content: "Sebagian" }));
  const stored = [
    user("u1"),
    answer("a1", { content: "Sebagian", status: "cancelled" }),
  ];
  const state = run([{ type: "resynced", stored, now: 5 }], initial);
  assertEquals(state.tail[0].status, "cancelled");
  assertEquals(state.link.phase, "idle");
  assert(canRefresh(state));
});

Deno.test("a stored answer still streaming after a resync keeps the link trying", () => {
  const initial = initialConversation(answer("a1"));
  const state = run(
    [{ type: "resynced", stored: [answer("a1")], now: 5 }],
    initial,
  );
  assertEquals(state.link.phase, "lost");
  assert(!canRefresh(state));
});

Deno.test("a done that is still streaming does not end the answer", () => {
  const state = run([...sent, { type: "done", message: answer("a1"), now: 1 }]);
  assertEquals(state.link.phase, "live");
  assert(!state.stale);
});

Deno.test("regenerate hides the old answer only once the server accepted it", () => {
  const asked = run([{ type: "request", kind: "regenerate", hideFrom: "a0" }]);
  assertEquals(asked.hideFrom, null, "a refusal must keep the answer shown");
  assertEquals(run([{ type: "refused", text: "no" }], asked).hideFrom, null);
  const accepted = run([{ type: "accepted" }], asked);
  assertEquals(accepted.hideFrom, "a0");
  assertEquals(accepted.answerId, null);
});

Deno.test("regenerating an answer of this page's tail drops it from the tail, not the history", () => {
  const done = run([...sent, {
    type: "done",
    message: answer("a1", { status: "complete", content: "x" }),
    now: 1,
  }]);
  const state = run([
    { type: "request", kind: "regenerate", hideFrom: "a1" },
    { type: "accepted" },
  ], done);
  assertEquals(state.tail.map((m) => m.id), ["u1"]);
  assertEquals(state.hideFrom, null);
});

Deno.test("an edit makes a new version: the history from the edited message hides, the new one streams", () => {
  const state = run([
    { type: "request", kind: "edit", hideFrom: "u0" },
    { type: "accepted" },
    { type: "user", message: user("u2", "baru") },
    { type: "start", message: answer("a2") },
    { type: "delta", text: "Jawaban baru" },
    {
      type: "done",
      message: answer("a2", { content: "Jawaban baru", status: "complete" }),
      now: 1,
    },
  ]);
  assertEquals(state.hideFrom, "u0");
  assertEquals(state.tail.map((m) => m.content), ["baru", "Jawaban baru"]);
  // The server's history then shows the version pager on the new message.
  const refreshed = run([{ type: "refreshed" }], state);
  assertEquals(refreshed.hideFrom, null);
  assertEquals(refreshed.tail, []);
});

Deno.test("choosing another version marks the history stale until it is read again", () => {
  const state = run([{ type: "history_changed" }]);
  assert(canRefresh(state));
  assert(!canRefresh(run(sent, state)), "not while an answer runs");
});

Deno.test("a cancel that did not arrive leaves a notice until the answer ends", () => {
  const state = run([...sent, {
    type: "notice",
    notice: "msg.cancel_failed",
  }]);
  assertEquals(state.notice, "msg.cancel_failed");
  const done = run([{
    type: "done",
    message: answer("a1", { status: "cancelled" }),
    now: 1,
  }], state);
  assertEquals(done.notice, null);
});
