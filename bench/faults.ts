/**
 * `deno task bench faults`: the slow half of the fault suite (the fast one
 * is tests/faults/). For 1, 50 and 300 answers streaming at once, kill -9
 * the app, restart it on the same KV file and measure how much text was
 * lost (the time between the first text a client saw that is not stored
 * and the kill, p50/p99/max over the answers), how long until the chats are
 * usable (healthz, then the first chat repaired and answering) and that
 * every answer ended `error` "interrupted". Then 300 clients that never
 * read their streams of 2 MB answers: the app's peak RSS.
 * Results go to bench/results/faults.json; docs/faults.md quotes them.
 */
import { pool, session } from "./app_data.ts";
import { createChat, getChat, sendMessage } from "./client.ts";
import { Cleanup, startApp, startFake, tempKvPath } from "./harness.ts";
import { rssBytes, sampleRss } from "./proc_stats.ts";
import { percentile, writeResults } from "./stats.ts";

const MB = 1024 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** When each stretch of a stream's answer text arrived. */
interface Arrivals {
  marks: { at: number; length: number }[];
}

/** Reads a stream, recording the answer length after each chunk. */
async function follow(res: Response, into: Arrivals): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = "";
  let length = 0;
  try {
    for await (const chunk of res.body!) {
      buffer += decoder.decode(chunk, { stream: true });
      let end;
      while ((end = buffer.indexOf("\n\n")) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!data) continue;
        if (block.startsWith("event: delta")) {
          length += JSON.parse(data).text.length;
          into.marks.push({ at: performance.now(), length });
        } else if (block.startsWith("event: start")) {
          length = JSON.parse(data).message.content.length;
        }
      }
    }
  } catch { /* the server was killed */ }
}

/** Lost time of one answer: from the first text not stored to the kill. */
function lostMs(arrivals: Arrivals, stored: number, killedAt: number): number {
  const first = arrivals.marks.find((m) => m.length > stored);
  return first ? Math.max(0, killedAt - first.at) : 0;
}

async function killDuring(answers: number) {
  const cleanup = new Cleanup();
  try {
    const fake = await startFake(
      ["--tokens", "600", "--tokens-per-second", "20", "--no-comments"],
      cleanup,
    );
    const kvPath = await tempKvPath(cleanup);
    const first = await startApp({ fakeUrl: fake.url, kvPath }, cleanup);
    const { cookie } = await session();
    const chats = await pool(
      Array.from({ length: answers }),
      16,
      () => createChat(first.url, cookie),
    );
    const arrivals = chats.map((): Arrivals => ({ marks: [] }));
    const reads = chats.map(async (id, i) =>
      follow(await sendMessage(first.url, cookie, id, "cerita"), arrivals[i])
    );
    // Every answer streams before the kill, then a few flushes pass.
    const deadline = performance.now() + 120_000;
    while (arrivals.some((a) => a.marks.length === 0)) {
      if (performance.now() > deadline) {
        throw new Error("answers did not start");
      }
      await sleep(100);
    }
    await sleep(3000 + Math.random() * 1000);
    Deno.kill(first.pid, "SIGKILL");
    const killedAt = performance.now();
    await Promise.all(reads);
    while (await rssBytes(first.pid) > 0) await sleep(20);
    const restarted = performance.now();
    const second = await startApp({ fakeUrl: fake.url, kvPath }, cleanup);
    const healthy = performance.now() - restarted;
    const one = await getChat(second.url, cookie, chats[0]);
    const answer = await sendMessage(second.url, cookie, chats[0], "lagi?");
    const usable = performance.now() - restarted;
    await answer.body?.cancel();
    const finals = await pool(
      chats,
      16,
      (id) => getChat(second.url, cookie, id),
    );
    const lost = finals.map((chat, i) => {
      const m = chat.messages.findLast((m) => m.role === "assistant")!;
      return i === 0 ? one.messages.at(-1)!.content.length : m.content.length;
    }).map((stored, i) => lostMs(arrivals[i], stored, killedAt));
    const statuses = finals.map((chat, i) =>
      (i === 0 ? one : chat).messages.filter((m) => m.role === "assistant")[0]
        .status
    );
    const interrupted = statuses.filter((s) => s === "error").length;
    return {
      answers,
      lostP50Ms: Math.round(percentile(lost, 50)),
      lostP99Ms: Math.round(percentile(lost, 99)),
      lostMaxMs: Math.round(Math.max(...lost)),
      restartToHealthyMs: Math.round(healthy),
      restartToUsableChatMs: Math.round(usable),
      interrupted: `${interrupted}/${answers}`,
    };
  } finally {
    await cleanup.run();
  }
}

async function nonReadingClients(clients: number, bytes: number) {
  const cleanup = new Cleanup();
  try {
    const fake = await startFake(["--no-comments"], cleanup);
    const kvPath = await tempKvPath(cleanup);
    const app = await startApp({ fakeUrl: fake.url, kvPath }, cleanup);
    const { cookie } = await session();
    const chats = await pool(
      Array.from({ length: clients }),
      16,
      () => createChat(app.url, cookie),
    );
    const idle = await rssBytes(app.pid);
    const rss = sampleRss(app.pid, 100);
    const started = performance.now();
    // Each response is held and never read.
    const held = await Promise.all(
      chats.map((id) =>
        sendMessage(app.url, cookie, id, `[[fake:long=${bytes}]]`)
      ),
    );
    let done = 0;
    while (performance.now() - started < 180_000) {
      const states = await pool(
        chats,
        16,
        (id) => getChat(app.url, cookie, id),
      );
      done = states.filter((c) =>
        c.messages.at(-1)?.status === "complete"
      ).length;
      if (done === clients) break;
      await sleep(1000);
    }
    const took = performance.now() - started;
    const peak = rss.stop();
    await Promise.all(held.map((res) => res.body?.cancel()));
    return {
      clients,
      answerBytes: bytes,
      completed: `${done}/${clients}`,
      seconds: Math.round(took / 100) / 10,
      idleRssMb: Math.round(idle / MB),
      peakRssMb: Math.round(peak / MB),
      generatedMb: Math.round((clients * bytes) / MB),
    };
  } finally {
    await cleanup.run();
  }
}

if (import.meta.main) {
  const kills = [];
  for (const answers of [1, 50, 300]) {
    const result = await killDuring(answers);
    console.log(result);
    kills.push(result);
  }
  const slow = await nonReadingClients(300, 2_000_000);
  console.log(slow);
  await writeResults("faults", { kills, nonReadingClients: slow });
}
