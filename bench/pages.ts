/**
 * Benchmark 4, pages: the time to render `GET /chats/:id` for a chat of
 * 2,000 messages (markdown rendered on the server) and for an owner with
 * 10,000 chats (the sidebar lists the first 200). The data is written
 * through the store into the KV file before the app starts.
 *
 *   deno run -A bench/pages.ts [--requests 50] [--messages 2000] [--chats 10000] [--profile]
 */
import { appFlags, numberArg } from "./args.ts";
import {
  Cleanup,
  profileFlags,
  startApp,
  startFake,
  tempKvPath,
} from "./harness.ts";
import { headersFor, session } from "./app_data.ts";
import { startProfile } from "./cpu_profile.ts";
import { seed } from "./pages_seed.ts";
import { printTable, summarize, verdict, writeResults } from "./stats.ts";

const requests = numberArg("requests", 50);
const messages = numberArg("messages", 2000);
const chats = numberArg("chats", 10_000);
const WARMUP = 5;

/** Times `requests` sequential GETs of `path` as `cookie`'s owner. */
async function timePage(url: string, cookie: string, count = requests) {
  const headers: number[] = [];
  const total: number[] = [];
  let html = "";
  for (let i = -WARMUP; i < count; i++) {
    const sent = performance.now();
    const res = await fetch(url, {
      headers: headersFor(new URL(url).origin, cookie),
    });
    const got = performance.now();
    html = await res.text();
    if (res.status !== 200) {
      throw new Error(`${url}: ${res.status} ${html.slice(0, 300)}`);
    }
    if (i < 0) continue;
    headers.push(got - sent);
    total.push(performance.now() - sent);
  }
  return { headers: summarize(headers), total: summarize(total), html };
}

const count = (html: string, pattern: RegExp) =>
  html.match(pattern)?.length ?? 0;

const cleanup = new Cleanup();
try {
  const kvPath = await tempKvPath(cleanup);
  const longUser = await session();
  const manyUser = await session();
  const seedStart = performance.now();
  const data = await seed(kvPath, longUser.owner, manyUser.owner, {
    messages,
    chats,
  });
  const seedSeconds = (performance.now() - seedStart) / 1000;

  const fake = await startFake([], cleanup);
  const profiling = profileFlags();
  const app = await startApp({
    fakeUrl: fake.url,
    kvPath,
    denoArgs: [...appFlags(), ...profiling.flags],
  }, cleanup);
  const profile = profiling.port ? await startProfile(profiling.port) : null;

  const long = await timePage(
    `${app.url}/chats/${data.longChatId}?lang=en`,
    longUser.cookie,
  );
  const many = await timePage(
    `${app.url}/chats/${data.manyChatId}?lang=en`,
    manyUser.cookie,
  );
  // The sidebar's search form: a title that matches, and a word that none
  // does (every chat's title and messages are read); fewer requests, as
  // each may take long.
  const searches = Math.min(requests, 10);
  const searchHit = await timePage(
    `${app.url}/chats/${data.manyChatId}?lang=en&q=number%209999`,
    manyUser.cookie,
    searches,
  );
  const searchMiss = await timePage(
    `${app.url}/chats/${data.manyChatId}?lang=en&q=zebra`,
    manyUser.cookie,
    searches,
  );
  const hotSpots = await profile?.stop("pages");

  // How the rest of the 10,000 chats is reached: the API's cursor pages.
  const pageStart = performance.now();
  let cursor: string | undefined;
  let listed = 0;
  let apiPages = 0;
  do {
    const query = `limit=500${
      cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""
    }`;
    const res = await fetch(`${app.url}/api/chats?${query}`, {
      headers: headersFor(app.url, manyUser.cookie),
    });
    const body = await res.json();
    listed += body.chats.length;
    cursor = body.cursor;
    apiPages++;
  } while (cursor);
  const apiMs = performance.now() - pageStart;

  const pages = {
    [`chat of ${messages} messages`]: {
      ...long,
      html: undefined,
      htmlBytes: long.html.length,
      messagesShown: count(long.html, /data-role="(?:user|assistant)"/g),
    },
    [`owner with ${chats} chats`]: {
      ...many,
      html: undefined,
      htmlBytes: many.html.length,
      chatsListed: count(many.html, /<li[^>]*>\s*<a href="\/chats\//g),
    },
    [`owner with ${chats} chats, search hit`]: {
      ...searchHit,
      html: undefined,
      htmlBytes: searchHit.html.length,
      chatsListed: count(searchHit.html, /<li[^>]*>\s*<a href="\/chats\//g),
    },
    [`owner with ${chats} chats, search miss`]: {
      ...searchMiss,
      html: undefined,
      htmlBytes: searchMiss.html.length,
      chatsListed: count(searchMiss.html, /<li[^>]*>\s*<a href="\/chats\//g),
    },
  };
  printTable(
    `GET /chats/:id, ${requests} sequential requests (searches: ${searches}) after ${WARMUP} warm-up (ms)`,
    Object.entries(pages).flatMap(([what, p]) => [
      { page: what, measure: "to headers", ...p.headers },
      { page: what, measure: "to last byte", ...p.total },
    ]),
  );
  printTable(
    "Page contents",
    Object.entries(pages).map(([what, p]) => ({
      page: what,
      "HTML bytes": p.htmlBytes,
      "messages shown": "messagesShown" in p ? p.messagesShown : "",
      "chats in sidebar": "chatsListed" in p ? p.chatsListed : "",
    })),
  );
  printTable("Reaching every chat through the API", [{
    "chats listed": listed,
    "pages of 500": apiPages,
    "total ms": apiMs,
  }]);
  // The issue's two pages; the searches are for information.
  const targets = Object.fromEntries(
    Object.entries(pages).slice(0, 2).map(([what, p]) => [
      what,
      {
        "p50 to last byte": p.total.p50,
        target: 50,
        verdict: verdict(p.total.p50, 50),
      },
    ]),
  );
  printTable(
    "Targets (p50, ms)",
    Object.entries(targets).map(([page, t]) => ({ page, ...t })),
  );
  await writeResults("pages", {
    requests,
    messages,
    chats,
    seedSeconds,
    markdownChars: data.longChars,
    pages,
    apiPaging: { listed, pages: apiPages, ms: apiMs },
    targets,
    hotSpots,
  });
} finally {
  await cleanup.run();
}
