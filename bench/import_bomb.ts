/**
 * Imports under load (issue 13, finding 5; issue 12): an app process gets a
 * 20 MB TXT of tiny lines (refused by the per-chat message limit) and then a
 * 1,000-chat JSON export (written in yielding batches, visible at once);
 * meanwhile another visitor polls /healthz. Prints time, the app's peak RSS,
 * /healthz latency and the KV file's growth.
 */
import {
  ApiClient,
  TEST_API_KEY,
  TEST_SESSION_SECRET,
} from "@/tests/app_server.ts";
import { startAppProcess } from "@/tests/app_process.ts";
import { sampleRss } from "./proc_stats.ts";
import { printTable, summarize, writeResults } from "./stats.ts";

const MB = 1024 * 1024;

function bigExport(chats: number, messages: number): string {
  const time = "2025-01-01T00:00:00.000Z";
  return JSON.stringify({
    format: "chatai",
    version: 1,
    exportedAt: time,
    chats: Array.from({ length: chats }, (_, c) => ({
      chat: { title: `Obrolan ${c}`, createdAt: time, updatedAt: time },
      messages: Array.from({ length: messages }, (_, i) => ({
        role: i % 2 ? "assistant" : "user",
        content: `pesan ${c}/${i} `.repeat(20),
        createdAt: time,
        status: "complete",
      })),
    })),
  });
}

const dir = await Deno.makeTempDir();
const kvPath = `${dir}/chatai.sqlite3`;
const app = await startAppProcess({
  KV_PATH: kvPath,
  OPENROUTER_API_KEY: TEST_API_KEY,
  SESSION_SECRET: TEST_SESSION_SECRET,
  IMPORT_MAX_BYTES: String(21 * MB),
});
const rows: Record<string, unknown>[] = [];
try {
  const client = new ApiClient(app.url);
  await client.createChat({ title: "sudah ada" });
  const line = "[2024-05-01 10:20:30] User: a\n";
  const cases: [string, string, string][] = [
    ["20 MB TXT bomb", line.repeat(Math.floor(20 * MB / line.length)), "b.txt"],
    ["1,000 chats × 20 messages JSON", bigExport(1000, 20), "all.json"],
  ];
  for (const [name, body, filename] of cases) {
    const kvBefore = (await Deno.stat(kvPath)).size;
    const rss = sampleRss(app.pid, 50);
    const latencies: number[] = [];
    let done = false;
    const started = performance.now();
    const upload = client.fetch(`/api/import?filename=${filename}`, {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body,
    }).then(async (res) => {
      await res.body?.cancel();
      return res.status;
    }).finally(() => done = true);
    while (!done) {
      const t0 = performance.now();
      await (await fetch(`${app.url}/healthz`)).body?.cancel();
      latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    const status = await upload;
    const seconds = (performance.now() - started) / 1000;
    const peak = rss.stop();
    const health = summarize(latencies);
    rows.push({
      case: name,
      file_mb: +(body.length / MB).toFixed(1),
      status,
      seconds: +seconds.toFixed(2),
      peak_rss_mb: Math.round(peak / MB),
      healthz_p50_ms: Math.round(health.p50),
      healthz_p99_ms: Math.round(health.p99),
      healthz_max_ms: Math.round(health.max),
      kv_growth_mb: +(((await Deno.stat(kvPath)).size - kvBefore) / MB)
        .toFixed(1),
    });
  }
} finally {
  await app.stop();
  await Deno.remove(dir, { recursive: true });
}
printTable("imports under load", rows);
await writeResults("import_bomb", { rows });
