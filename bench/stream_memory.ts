/**
 * A diagnostic for benchmark 3's memory: the peak RSS of a bare Deno
 * streaming proxy (stream_memory_proxy.ts) carrying the same 1,000 streams
 * (400 tokens at 20 tokens/s), for each way of reading the upstream body.
 * It shows what the runtime costs before any app code, and what reading
 * the body with a default reader (64 KiB buffer per read) adds.
 *
 *   deno run -A bench/stream_memory.ts [--streams 1000]
 */
import { numberArg } from "./args.ts";
import { Cleanup, freePort, ROOT, startFake } from "./harness.ts";
import { timeStream } from "./client.ts";
import { cpuSeconds, sampleRss } from "./proc_stats.ts";
import { printTable, writeResults } from "./stats.ts";

const streams = numberArg("streams", 1000);

async function run(mode: string, upstream: string) {
  const port = freePort();
  const proxy = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "bench/stream_memory_proxy.ts"],
    cwd: ROOT,
    env: { PORT: String(port), UPSTREAM: upstream, MODE: mode },
    stdout: "null",
    stderr: "inherit",
  }).spawn();
  try {
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      const ok = await fetch(`${url}/healthz`).then((r) => r.text(), () => "");
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const rss = sampleRss(proxy.pid);
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: streams }, () =>
        timeStream(
          () => fetch(`${url}/x`, { method: "POST", body: "{}" }),
          "data:",
        )),
    );
    return {
      mode,
      "complete streams": results.filter((r) =>
        r.tail.includes("[DONE]")
      ).length,
      "wall s": (performance.now() - started) / 1000,
      "peak RSS MB": rss.stop() / 1e6,
      "CPU s": await cpuSeconds(proxy.pid),
    };
  } finally {
    proxy.kill();
    await proxy.status;
  }
}

const cleanup = new Cleanup();
try {
  const fake = await startFake(
    ["--tokens", "400", "--tokens-per-second", "20", "--max-piece", "65536"],
    cleanup,
  );
  const rows = [];
  for (const mode of ["pipe", "read", "byob"]) {
    rows.push(await run(mode, fake.url));
  }
  printTable(`A bare Deno proxy carrying ${streams} streams`, rows);
  await writeResults("stream_memory", { streams, rows });
} finally {
  await cleanup.run();
}
