/**
 * Issue 13, finding 1: the cost of rendering hostile markdown. Part one
 * renders 1 MB of each of many adversarial patterns in this process and
 * reports the slowest (target ≤ 200 ms). Part two imports a chat whose
 * answer is 1 MB of the worst pattern into a running app, loads that page
 * over and over, and meanwhile times another visitor's `/healthz` every few
 * milliseconds from a thread of its own (target p99 ≤ 50 ms).
 *
 *   deno run -A bench/markdown_adversarial.ts [--pages 20]
 */
import { markdownEngine } from "@/lib/markdown/render.ts";
import { renderChunks } from "@/lib/markdown/chunks.ts";
import { numberArg } from "./args.ts";
import { markdownAnswer } from "./markdown_sample.ts";
import { headersFor, session } from "./app_data.ts";
import { Cleanup, startApp, startFake, tempKvPath } from "./harness.ts";
import { probeHealth } from "./healthz_probe.ts";
import { printTable, summarize, verdict, writeResults } from "./stats.ts";

const pages = numberArg("pages", 20);
const SIZE = 1_000_000;
/** Inputs on which marked 18 (or our extensions) cost more than linear time. */
export const ADVERSARIAL = [
  "a*",
  "*a",
  "a_",
  "_a",
  "**a",
  "a**",
  "*a*",
  "a~",
  "~~a",
  "[a",
  "[[",
  "![",
  "![a",
  "[a](",
  "`a",
  "<a",
  "a\\",
  "$a",
  "a\n",
  "a\n\n",
  "> ",
  "1. ",
  "- a\n",
  "  - a\n",
  "> a\n",
  "**a**\n\n",
  "$$\n",
  "```\n",
  "www.a ",
  "a@b.c ",
  "http://a.b/ ",
  "| a | b |\n|---|---|\n",
  "x\n\n> [!",
  "a *b* c _d_ e\n\n",
];

function renderTimes(): { pattern: string; ms: number }[] {
  const engine = markdownEngine();
  for (const p of ADVERSARIAL) renderChunks(engine, p.repeat(20_000));
  return ADVERSARIAL.map((pattern) => {
    const text = pattern.repeat(Math.ceil(SIZE / pattern.length));
    const runs = [0, 1, 2].map(() => {
      const started = performance.now();
      renderChunks(engine, text);
      return performance.now() - started;
    });
    return {
      pattern: JSON.stringify(pattern),
      ms: runs.sort((a, b) => a - b)[1],
    };
  });
}

async function importChat(url: string, cookie: string, answer: string) {
  const at = "2026-11-20T08:15:00+07:00";
  const res = await fetch(`${url}/api/import?filename=bomb.json`, {
    method: "POST",
    headers: headersFor(url, cookie),
    body: JSON.stringify({
      format: "chatai",
      version: 1,
      exportedAt: at,
      chat: { id: "b", title: "Bomb", createdAt: at, updatedAt: at },
      messages: [
        { id: "q", role: "user", content: "?", createdAt: at },
        { id: "a", role: "assistant", content: answer, createdAt: at },
      ],
    }),
  });
  if (res.status !== 201) throw new Error(`import: ${await res.text()}`);
  return (await res.json()).chats[0].id as string;
}

const renders = renderTimes();
const worst = renders.reduce((a, b) => (b.ms > a.ms ? b : a));
printTable("1 MB of each pattern, rendered on the server (median of 3)", [
  ...renders.filter((r) => r.ms > 50),
  { pattern: `worst of ${renders.length}`, ms: worst.ms },
]);

const cleanup = new Cleanup();
try {
  const fake = await startFake([], cleanup);
  const app = await startApp({
    fakeUrl: fake.url,
    kvPath: await tempKvPath(cleanup),
  }, cleanup);
  const owner = await session();
  // A server that has run a while: ordinary pages first, so that what is
  // measured is the hostile text and not the first compile of the code.
  const ordinary = await importChat(
    app.url,
    owner.cookie,
    markdownAnswer(20_000),
  );
  for (let i = 0; i < 10; i++) {
    const res = await fetch(`${app.url}/chats/${ordinary}`, {
      headers: headersFor(app.url, owner.cookie),
    });
    await res.text();
  }
  const pattern = JSON.parse(worst.pattern) as string;
  const id = await importChat(
    app.url,
    owner.cookie,
    pattern.repeat(Math.ceil(SIZE / pattern.length)),
  );
  const pageTimes: number[] = [];
  const probe = await probeHealth({ url: app.url });
  for (let i = 0; i < pages; i++) {
    const sent = performance.now();
    const res = await fetch(`${app.url}/chats/${id}`, {
      headers: headersFor(app.url, owner.cookie),
    });
    await res.text();
    pageTimes.push(performance.now() - sent);
  }
  const page = summarize(pageTimes);
  const health = summarize(await probe.stop());
  printTable("the 1 MB answer's page, and /healthz meanwhile (ms)", [
    { what: "page", ...page },
    { what: "/healthz", ...health },
  ]);
  printTable("targets", [
    {
      target: "1 MB render ≤ 200 ms",
      value: worst.ms,
      verdict: verdict(worst.ms, 200),
    },
    {
      target: "/healthz p99 ≤ 50 ms",
      value: health.p99,
      verdict: verdict(health.p99, 50),
    },
  ]);
  await writeResults("markdown_adversarial", {
    renders,
    worst,
    page,
    healthz: health,
  });
} finally {
  await cleanup.run();
}
