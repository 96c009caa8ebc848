/**
 * `deno task bench faults`: the slow half of the fault suite (the fast one
 * is tests/faults/). For 1, 50 and 300 answers streaming at once, kill -9
 * the app, restart it on the same KV file and measure how much text was
 * lost (the time between the first text a client saw that is not stored
 * and the kill, p50/p99/max over the answers), how long until the chats are
 * usable (healthz, then the first chat repaired and answering) and that
 * every answer ended `error` "interrupted". Then clients that never read
 * their streams, against the same load read to the end: the app's peak
 * RSS (50 answers of 2.4 MB, 300 of 1 MB).
 * Results go to bench/results/faults.json; docs/faults.md quotes them.
 */
import { headersFor, pool, session } from "./app_data.ts";
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
    const statuses: Record<string, number> = {};
    for (const [i, chat] of finals.entries()) {
      const m = (i === 0 ? one : chat).messages
        .filter((m) => m.role === "assistant")[0] as {
          status: string;
          error?: { code: string };
        };
      const status = m.error ? `${m.status} ${m.error.code}` : m.status;
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
    return {
      answers,
      lostP50Ms: Math.round(percentile(lost, 50)),
      lostP99Ms: Math.round(percentile(lost, 99)),
      lostMaxMs: Math.round(Math.max(...lost)),
      restartToHealthyMs: Math.round(healthy),
      restartToUsableChatMs: Math.round(usable),
      statuses,
    };
  } finally {
    await cleanup.run();
  }
}

/** Whether an answer still runs in the chat: `/stream` is 204 once none does. */
async function running(appUrl: string, cookie: string, id: string) {
  const res = await fetch(`${appUrl}/api/chats/${id}/stream`, {
    headers: headersFor(appUrl, cookie),
  });
  await res.body?.cancel();
  return res.status === 200;
}

/**
 * `clients` answers of `bytes` each, their streams read to the end or
 * never read: the app's peak RSS, and whether every answer completed.
 */
async function slowClients(clients: number, bytes: number, read: boolean) {
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
    const held = await Promise.all(
      chats.map((id) =>
        sendMessage(app.url, cookie, id, `[[fake:long=${bytes}]]`)
      ),
    );
    const reads = read
      ? held.map(async (res) => {
        for await (const _ of res.body!) { /* read and drop */ }
      })
      : [];
    // Answers start together; a few probes tell when they are over.
    const probes = [0, 1, 2, clients - 2, clients - 1].filter((i) => i >= 0);
    while (performance.now() - started < 300_000) {
      const busy = await Promise.all(
        probes.map((i) => running(app.url, cookie, chats[i])),
      );
      if (!busy.some(Boolean)) break;
      await sleep(500);
    }
    const took = performance.now() - started;
    const peak = rss.stop();
    const stillRunning = (await pool(chats, 16, (id) =>
      running(app.url, cookie, id))).filter(Boolean).length;
    if (!read) {
      await Promise.all(held.map((res) =>
        res.body?.cancel()
      ));
    }
    await Promise.all(reads);
    return {
      clients,
      answerBytes: bytes,
      clientsRead: read,
      stillRunningAtEnd: stillRunning,
      seconds: Math.round(took / 100) / 10,
      idleRssMb: Math.round(idle / MB),
      peakRssMb: Math.round(peak / MB),
    };
  } finally {
    await cleanup.run();
  }
}

/** `--kills 1,50,300` picks the kill runs; `--no-slow-clients` skips the rest. */
function killRuns(args = Deno.args): number[] {
  const i = args.indexOf("--kills");
  return (i === -1 ? "1,50,300" : args[i + 1]).split(",").map(Number);
}

if (import.meta.main) {
  const kills = [];
  for (const answers of killRuns()) {
    const result = await killDuring(answers);
    console.log(result);
    kills.push(result);
  }
  const slow = [];
  const runs = Deno.args.includes("--no-slow-clients") ? [] : [
    [50, 2_400_000, true],
    [50, 2_400_000, false],
    [300, 1_000_000, true],
    [300, 1_000_000, false],
  ] as const;
  for (const [clients, bytes, read] of runs) {
    const result = await slowClients(clients, bytes, read);
    console.log(result);
    slow.push(result);
  }
  await writeResults("faults", { kills, slowClients: slow });
}
