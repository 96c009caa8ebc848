/**
 * A diagnostic for benchmark 3's KV figures: how many partial-answer flushes
 * per second the chat store sustains on this disk when each is its own
 * commit (`updateMessage`, as the runner flushes today) against the same
 * rows written 100 to a commit (what a shared, batched flusher would do).
 *
 *   deno run -A bench/kv_throughput.ts [--answers 1000] [--flushes 20]
 */
import { numberArg } from "./args.ts";
import { Cleanup, tempKvPath } from "./harness.ts";
import { openStore, pool } from "./app_data.ts";
import { printTable, writeResults } from "./stats.ts";

const answers = numberArg("answers", 1000);
const flushes = numberArg("flushes", 20);
const OWNER = "bench-owner-0123456789";
const STEP = Array.from({ length: 20 }, (_, i) => `tok${i} `).join("");

const cleanup = new Cleanup();
try {
  const { kv, store } = await openStore(await tempKvPath(cleanup));
  cleanup.defer(() => kv.close());
  const ids = await pool(
    Array.from({ length: answers }, (_, i) => i),
    16,
    async () => {
      const chat = await store.createChat(OWNER, { title: "t" });
      const message = await store.addMessage(OWNER, chat.id, {
        role: "assistant",
        content: "",
        status: "streaming",
      });
      return { chatId: chat.id, messageId: message!.id };
    },
  );

  let started = performance.now();
  await Promise.all(ids.map(async ({ chatId, messageId }) => {
    let text = "";
    for (let i = 0; i < flushes; i++) {
      text += STEP;
      await store.updateMessage(OWNER, chatId, messageId, { content: text });
    }
  }));
  const single = (answers * flushes) / ((performance.now() - started) / 1000);

  started = performance.now();
  const commits: Promise<unknown>[] = [];
  for (let i = 0; i < flushes; i++) {
    for (let b = 0; b < answers; b += 100) {
      let op = kv.atomic();
      for (const { chatId, messageId } of ids.slice(b, b + 100)) {
        op = op.set(["bench_batched", chatId, messageId], {
          content: STEP.repeat(i + 1),
        });
      }
      commits.push(op.commit());
    }
  }
  await Promise.all(commits);
  const batched = (answers * flushes) / ((performance.now() - started) / 1000);

  const rows = [
    { "how": "updateMessage, one commit per flush", "flushes/s": single },
    { "how": "plain sets, 100 per commit", "flushes/s": batched },
  ];
  printTable(`${answers} streaming answers × ${flushes} flushes`, rows);
  await writeResults("kv_throughput", { answers, flushes, rows });
} finally {
  await cleanup.run();
}
