/**
 * Benchmark 1, added latency: the time to the first answer token through
 * chatai (`POST /api/chats/:id/messages` until the first `delta` event) and
 * straight from the fake upstream (until the first content chunk), which
 * sends its first token after a fixed 50 ms. Requests alternate one by one,
 * so each pair sees the same machine state; the figure is the difference.
 *
 * A KV probe times single commits on the same disk: most of what chatai
 * adds is the turn's KV writes before the upstream request starts.
 *
 *   deno run -A bench/latency.ts [--requests 500] [--profile]
 */
import { appFlags, numberArg } from "./args.ts";
import {
  BENCH_API_KEY,
  Cleanup,
  profileFlags,
  startApp,
  startFake,
  tempKvPath,
} from "./harness.ts";
import { session } from "./app_data.ts";
import {
  completeDirect,
  createChat,
  getChat,
  sendMessage,
  timeStream,
} from "./client.ts";
import { startProfile } from "./cpu_profile.ts";
import { probeKv } from "./kv_probe.ts";
import { printTable, summarize, verdict, writeResults } from "./stats.ts";

const FIRST_TOKEN_DELAY_MS = 50;
const TURNS_PER_CHAT = 10;
const WARMUP = 20;

const requests = numberArg("requests", 500);

const cleanup = new Cleanup();
try {
  const fake = await startFake([
    "--tokens",
    "3",
    "--tokens-per-second",
    "1000",
    "--first-token-delay-ms",
    String(FIRST_TOKEN_DELAY_MS),
  ], cleanup);
  const kvPath = await tempKvPath(cleanup);
  const profiling = profileFlags();
  const app = await startApp({
    fakeUrl: fake.url,
    kvPath,
    denoArgs: [...appFlags(), ...profiling.flags],
  }, cleanup);
  const { cookie } = await session();

  let chatId = "";
  const viaApp = async (turn: number) => {
    if (turn % TURNS_PER_CHAT === 0) chatId = await createChat(app.url, cookie);
    const t = await timeStream(
      () => sendMessage(app.url, cookie, chatId, "hi"),
      "event: delta",
    );
    if (
      t.status !== 200 || Number.isNaN(t.first) ||
      !t.tail.includes("event: done")
    ) {
      throw new Error(
        `request ${turn} through chatai failed: ${t.status} ${t.tail}`,
      );
    }
    return t;
  };
  const direct = async () => {
    const t = await timeStream(
      () => completeDirect(fake.url, BENCH_API_KEY),
      '"content":"tok',
    );
    if (t.status !== 200 || Number.isNaN(t.first)) {
      throw new Error(`direct request failed: ${t.status}`);
    }
    return t;
  };

  for (let i = 0; i < WARMUP; i++) {
    await direct();
    await viaApp(i);
  }
  const profile = profiling.port ? await startProfile(profiling.port) : null;
  const rows: {
    direct: number;
    app: number;
    appHeaders: number;
    appAfterHeaders: number;
    read: number;
  }[] = [];
  for (let i = 0; i < requests; i++) {
    const first = i % 2 === 0 ? await direct() : undefined;
    const a = await viaApp(WARMUP + i);
    const d = first ?? await direct();
    // A request that only reads the chat, for what routing and the session cost.
    const readStart = performance.now();
    await getChat(app.url, cookie, chatId);
    const read = performance.now() - readStart;
    rows.push({
      direct: d.first - d.sent,
      app: a.first - a.sent,
      appHeaders: a.headers - a.sent,
      appAfterHeaders: a.first - a.headers,
      read,
    });
  }

  const hotSpots = await profile?.stop("latency");
  const kv = await probeKv(kvPath.replace(/[^/]+$/, "probe.sqlite3"));
  const added = summarize(rows.map((r) => r.app - r.direct));
  const table = {
    "direct from the fake": summarize(rows.map((r) => r.direct)),
    "through chatai": summarize(rows.map((r) => r.app)),
    "added by chatai (pairwise)": added,
    "chatai: request → headers": summarize(rows.map((r) => r.appHeaders)),
    "chatai: headers → first delta": summarize(
      rows.map((r) => r.appAfterHeaders),
    ),
    "chatai: GET /api/chats/:id (reads)": summarize(rows.map((r) => r.read)),
    "KV probe: one commit (same disk)": kv.commitMs,
    "KV probe: one read": kv.readMs,
  };
  printTable(
    `Time to first answer token, ${requests} requests each, first token after ${FIRST_TOKEN_DELAY_MS} ms (ms)`,
    Object.entries(table).map(([what, s]) => ({ what, ...s })),
  );
  const targets = {
    p50: { value: added.p50, target: 3, verdict: verdict(added.p50, 3) },
    p99: { value: added.p99, target: 15, verdict: verdict(added.p99, 15) },
  };
  printTable(
    "Targets (added latency, ms)",
    Object.entries(targets).map(([k, v]) => ({ figure: k, ...v })),
  );
  await writeResults("latency", {
    requests,
    firstTokenDelayMs: FIRST_TOKEN_DELAY_MS,
    turnsPerChat: TURNS_PER_CHAT,
    summaries: table,
    targets,
    hotSpots,
    samples: rows,
  });
} finally {
  await cleanup.run();
}
