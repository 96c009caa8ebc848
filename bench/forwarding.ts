/**
 * Benchmark 2, chunk forwarding: the delay between the fake upstream's write
 * of a token (its `[t=<epoch ms>]` stamp) and the client-side reader, for
 * tokens sent 20 ms apart; the same straight from the fake as a baseline.
 * Batching: every token must arrive in its own `delta` event and its own
 * read, since the upstream sent them 20 ms apart.
 *
 *   deno run -A bench/forwarding.ts [--streams 10] [--tokens 100]
 */
import { numberArg } from "./args.ts";
import {
  BENCH_API_KEY,
  Cleanup,
  startApp,
  startFake,
  tempKvPath,
} from "./harness.ts";
import { session } from "./app_data.ts";
import { parseStamps } from "@/tests/fake_openrouter.ts";
import { completeDirect, createChat, sendMessage } from "./client.ts";
import { printTable, summarize, verdict, writeResults } from "./stats.ts";

const SPACING_MS = 20;
const streams = numberArg("streams", 10);
const tokens = numberArg("tokens", 100);

/** Tokens written this far apart count as "sent apart" (half the spacing, to allow timer jitter). */
const APART_MS = SPACING_MS / 2;

/** What one stream delivered. */
interface Delivery {
  delays: number[];
  /** Events carrying answer text. */
  events: number;
  /** Events holding several tokens written ≥ APART_MS apart. */
  merged: number;
  /** Reads that returned more than one text event. */
  sharedReads: number;
  /** Of those, reads holding tokens written ≥ APART_MS apart: batching. */
  batchedReads: number;
}

const clock = () => performance.timeOrigin + performance.now();

/** Reads an SSE body; `textOf` returns the answer text of one event block, if any. */
async function deliver(
  res: Response,
  textOf: (block: string) => string | undefined,
) {
  const out: Delivery = {
    delays: [],
    events: 0,
    merged: 0,
    sharedReads: 0,
    batchedReads: 0,
  };
  const apart = (stamps: number[]) =>
    stamps.length > 1 && stamps.at(-1)! - stamps[0] >= APART_MS;
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of res.body ?? []) {
    const now = clock();
    buffer += decoder.decode(chunk, { stream: true });
    const blocks = buffer.split("\n\n");
    buffer = blocks.pop() ?? "";
    const inRead: number[] = [];
    for (const block of blocks) {
      const text = textOf(block);
      if (!text) continue;
      const stamps = parseStamps(text);
      if (stamps.length === 0) continue;
      out.events++;
      inRead.push(stamps[0]);
      if (apart(stamps)) out.merged++;
      for (const stamp of stamps) out.delays.push(now - stamp);
    }
    if (inRead.length > 1) out.sharedReads++;
    if (apart(inRead)) out.batchedReads++;
  }
  return out;
}

const appText = (block: string) => {
  if (!block.startsWith("event: delta\n")) return undefined;
  return JSON.parse(block.slice(block.indexOf("data: ") + 6)).text as string;
};
const upstreamText = (block: string) => {
  const line = block.split("\n").find((l) => l.startsWith("data: {"));
  if (!line) return undefined;
  return JSON.parse(line.slice(6)).choices?.[0]?.delta?.content as
    | string
    | undefined;
};

const cleanup = new Cleanup();
try {
  const fake = await startFake([
    "--tokens",
    String(tokens),
    "--tokens-per-second",
    String(1000 / SPACING_MS),
    "--timestamps",
  ], cleanup);
  const app = await startApp({
    fakeUrl: fake.url,
    kvPath: await tempKvPath(cleanup),
  }, cleanup);
  const { cookie } = await session();
  const viaApp: Delivery[] = [];
  const direct: Delivery[] = [];
  for (let i = 0; i < streams; i++) {
    const chatId = await createChat(app.url, cookie);
    viaApp.push(
      await deliver(await sendMessage(app.url, cookie, chatId, "hi"), appText),
    );
    direct.push(
      await deliver(
        await completeDirect(fake.url, BENCH_API_KEY),
        upstreamText,
      ),
    );
  }

  const total = (
    list: Delivery[],
    key: "events" | "merged" | "sharedReads" | "batchedReads",
  ) => list.reduce((n, d) => n + d[key], 0);
  const rowOf = (what: string, list: Delivery[]) => ({
    what,
    "tokens sent": streams * tokens,
    "tokens received": list.reduce((n, d) => n + d.delays.length, 0),
    "text events": total(list, "events"),
    "events merging tokens sent apart": total(list, "merged"),
    "reads with >1 event": total(list, "sharedReads"),
    "reads merging tokens sent apart": total(list, "batchedReads"),
  });
  const delays = {
    "through chatai": summarize(viaApp.flatMap((d) => d.delays)),
    "direct from the fake": summarize(direct.flatMap((d) => d.delays)),
  };
  printTable(
    `Write-to-reader delay per token, ${streams} streams × ${tokens} tokens, ${SPACING_MS} ms apart (ms)`,
    Object.entries(delays).map(([what, s]) => ({ what, ...s })),
  );
  const counts = [
    rowOf("through chatai", viaApp),
    rowOf("direct from the fake", direct),
  ];
  printTable("Batching", counts);
  const p50 = delays["through chatai"].p50;
  const batched = counts[0]["events merging tokens sent apart"] +
    counts[0]["reads merging tokens sent apart"];
  const targets = {
    "p50 delay (ms)": { value: p50, target: "≤ 1", verdict: verdict(p50, 1) },
    "batched tokens": {
      value: batched,
      target: "0",
      verdict: verdict(batched, 0),
    },
  };
  printTable(
    "Targets",
    Object.entries(targets).map(([figure, v]) => ({ figure, ...v })),
  );
  await writeResults("forwarding", {
    streams,
    tokens,
    spacingMs: SPACING_MS,
    delays,
    counts,
    targets,
  });
} finally {
  await cleanup.run();
}
