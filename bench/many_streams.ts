/**
 * Benchmark 3, many streams: 1,000 generations at once (the fake sends 400
 * tokens at 20 tokens/s, 20 s each) over 250 owners with 4 chats each. Every
 * answer must be saved complete (read back through the API), with no errors;
 * the server's peak RSS (VmRSS every 200 ms) must stay ≤ 300 MB; and the KV
 * commits per generation are counted by SQLite triggers (kv_writes.ts).
 *
 *   deno run -A bench/many_streams.ts [--streams 1000] [--owners 250]
 *     [--no-write-log] [--profile] [--app-flag --v8-flags=--trace-gc]
 *
 * `--no-write-log` leaves the triggers out (they add a row insert to every
 * KV write); the app's stdout (GC traces, profiles' notes) is kept in
 * bench/results/many_streams_app.log.
 */
import { appFlags, numberArg } from "./args.ts";
import {
  Cleanup,
  profileFlags,
  startApp,
  startFake,
  tempKvPath,
} from "./harness.ts";
import { openStore, pool, session } from "./app_data.ts";
import { getChat, sendMessage, timeStream } from "./client.ts";
import { startProfile } from "./cpu_profile.ts";
import { installWriteLog, readWriteLog } from "./kv_writes.ts";
import { cpuSeconds, rssBytes, sampleRss } from "./proc_stats.ts";
import {
  maxOverlap,
  printTable,
  summarize,
  verdict,
  writeResults,
} from "./stats.ts";
import { report } from "./many_streams_report.ts";

const streams = numberArg("streams", 1000);
const owners = Math.min(numberArg("owners", 250), streams);
const TOKENS = 400;
const TOKENS_PER_SECOND = 20;
// 300 MB in decimal megabytes, the stricter reading (300 MiB would be 314.6 MB).
const RSS_LIMIT = 300 * 1000 * 1000;
/** A stream "kept up" when it ended this soon after its request. */
const KEPT_UP_S = TOKENS / TOKENS_PER_SECOND + 2;
const EXPECTED = Array.from({ length: TOKENS }, (_, i) => `tok${i} `).join("");

const cleanup = new Cleanup();
try {
  // Owners and chats go straight into the KV file before the app opens it.
  const kvPath = await tempKvPath(cleanup);
  const { kv, store } = await openStore(kvPath);
  const sessions = await Promise.all(
    Array.from({ length: owners }, () => session()),
  );
  const chats = await pool(
    Array.from({ length: streams }, (_, i) => i),
    16,
    async (i) => {
      const { owner, cookie } = sessions[i % owners];
      return {
        cookie,
        id: (await store.createChat(owner, { title: `bench ${i}` })).id,
      };
    },
  );
  kv.close();
  const logWrites = !Deno.args.includes("--no-write-log");
  if (logWrites) installWriteLog(kvPath);

  const fake = await startFake([
    "--tokens",
    String(TOKENS),
    "--tokens-per-second",
    String(TOKENS_PER_SECOND),
    "--max-piece",
    "65536",
  ], cleanup);
  const profiling = profileFlags();
  const app = await startApp({
    fakeUrl: fake.url,
    kvPath,
    denoArgs: [...appFlags(), ...profiling.flags],
  }, cleanup);
  const profile = profiling.port ? await startProfile(profiling.port) : null;
  const idleRss = await rssBytes(app.pid);
  const rss = sampleRss(app.pid, 200);
  const cpuBefore = {
    app: await cpuSeconds(app.pid),
    fake: await cpuSeconds(fake.pid),
    client: await cpuSeconds(Deno.pid),
  };

  const began = performance.now();
  const results = await Promise.all(chats.map(async ({ cookie, id }) => {
    try {
      const t = await timeStream(
        () => sendMessage(app.url, cookie, id, "hi"),
        "event: delta",
      );
      const ok = t.status === 200 && t.tail.includes("event: done") &&
        t.tail.includes('"status":"complete"') &&
        !t.tail.includes("event: error");
      return { ...t, ok, error: ok ? "" : `${t.status} ${t.tail.slice(-300)}` };
    } catch (error) {
      const now = performance.now();
      return {
        ok: false,
        error: String(error),
        sent: now,
        headers: now,
        first: NaN,
        last: NaN,
        end: now,
      };
    }
  }));
  const wall = (performance.now() - began) / 1000;
  const hotSpots = await profile?.stop("many_streams");
  const peakRss = rss.stop();
  const cpu = {
    app: (await cpuSeconds(app.pid)) - cpuBefore.app,
    fake: (await cpuSeconds(fake.pid)) - cpuBefore.fake,
    client: (await cpuSeconds(Deno.pid)) - cpuBefore.client,
  };
  const writes = logWrites ? readWriteLog(kvPath) : [];

  // Read every answer back through the API.
  const saved = await pool(chats, 8, async ({ cookie, id }) => {
    const { messages } = await getChat(app.url, cookie, id);
    const answer = messages.findLast((m) => m.role === "assistant");
    return answer?.status === "complete" && answer.content === EXPECTED;
  });

  const errors = results.filter((r) => !r.ok);
  const overlap = maxOverlap(results.map((r) => [r.headers, r.end]));
  const figures = {
    streams,
    owners,
    tokensPerAnswer: TOKENS,
    tokensPerSecond: TOKENS_PER_SECOND,
    wallSeconds: wall,
    maxConcurrentStreams: overlap,
    streamErrors: errors.length,
    doneWithin: {
      seconds: KEPT_UP_S,
      streams: results.filter((r) => r.ok && r.end - r.sent <= KEPT_UP_S * 1000)
        .length,
    },
    firstErrors: errors.slice(0, 5).map((e) => e.error),
    savedComplete: saved.filter(Boolean).length,
    idleRssMB: idleRss / 1e6,
    peakRssMB: peakRss / 1e6,
    peakRssMiB: peakRss / 2 ** 20,
    peakThreads: Math.max(...rss.samples.map((s) => s.threads)),
    cpuSeconds: cpu,
    timeToHeadersMs: summarize(results.map((r) => r.headers - r.sent)),
    firstToLastDeltaSeconds: summarize(
      results.filter((r) => r.ok).map((r) => (r.last - r.first) / 1000),
    ),
    lastDeltaToDoneSeconds: summarize(
      results.filter((r) => r.ok).map((r) => (r.end - r.last) / 1000),
    ),
    timeToFirstDeltaMs: summarize(
      results.filter((r) => r.ok).map((r) => r.first - r.sent),
    ),
    streamSeconds: summarize(
      results.filter((r) => r.ok).map((r) => (r.end - r.sent) / 1000),
    ),
  };
  const kvFigures = report(figures, writes, streams);
  const targets = {
    "answers saved complete": {
      value: figures.savedComplete,
      target: streams,
      verdict: figures.savedComplete === streams ? "met" : "MISSED",
    },
    "stream errors": {
      value: errors.length,
      target: 0,
      verdict: verdict(errors.length, 0),
    },
    "peak RSS (MB)": {
      value: Math.round(figures.peakRssMB),
      target: 300,
      verdict: verdict(peakRss, RSS_LIMIT),
    },
  };
  printTable(
    "Targets",
    Object.entries(targets).map(([figure, v]) => ({ figure, ...v })),
  );
  await Deno.writeTextFile(
    new URL("./results/many_streams_app.log", import.meta.url),
    app.stdout() + app.stderr(),
  );
  await writeResults("many_streams", {
    ...figures,
    writeLog: logWrites,
    kv: logWrites ? kvFigures : "not counted (--no-write-log)",
    targets,
    rssSamples: rss.samples,
    hotSpots,
  });
} finally {
  await cleanup.run();
}
