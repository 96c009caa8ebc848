/**
 * An import killed half-way (kill -9 of the app process) shows nothing, a
 * retry imports each chat once, and the collector removes what the killed
 * import had staged.
 */
import { assert, assertEquals } from "@/tests/assert.ts";
import { ApiClient, TEST_API_KEY, TEST_SESSION_SECRET } from "./app_server.ts";
import { startAppProcess } from "./app_process.ts";
import { ChatStore } from "@/lib/chats/store/mod.ts";
import { IMPORT_LEASE_MS } from "@/lib/chats/store/import_state.ts";

const CHATS = 1000;

/** A chatai export of `CHATS` chats of 20 messages each. */
function bigExport(): string {
  const time = "2025-01-01T00:00:00.000Z";
  const chats = Array.from({ length: CHATS }, (_, c) => ({
    chat: {
      title: `Obrolan ${c}`,
      createdAt: time,
      updatedAt: time,
      model: "openai/gpt-4o-mini",
      persona: "default",
      systemPrompt: "",
      temperature: 0.7,
      contextMessages: 6,
    },
    messages: Array.from({ length: 20 }, (_, i) => ({
      role: i % 2 ? "assistant" : "user",
      content: `pesan ${c}/${i} `.repeat(20),
      createdAt: time,
      status: "complete",
    })),
  }));
  return JSON.stringify({
    format: "chatai",
    version: 1,
    exportedAt: time,
    chats,
  });
}

async function countKeys(kv: Deno.Kv, prefix: Deno.KvKey): Promise<number> {
  let n = 0;
  for await (const _ of kv.list({ prefix })) n++;
  return n;
}

Deno.test({
  name:
    "kill -9 during a 1,000-chat import shows no chat of it, and a retry imports each once",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dir = await Deno.makeTempDir();
    const env = {
      KV_PATH: `${dir}/chatai.sqlite3`,
      OPENROUTER_API_KEY: TEST_API_KEY,
      SESSION_SECRET: TEST_SESSION_SECRET,
      IMPORT_MAX_BYTES: String(64 * 1024 * 1024),
    };
    const body = bigExport();
    const kv = await Deno.openKv(env.KV_PATH);
    let app = await startAppProcess(env);
    try {
      let client = new ApiClient(app.url);
      await client.createChat({ title: "sudah ada" });
      const owner = (await kv.list({ prefix: ["chats"] }).next()).value!
        .key[1] as string;
      const upload = client.fetch("/api/import?filename=all.json", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body,
      }).then((res) => res.status, () => "broken");
      // Kill once a part of the import is written.
      const deadline = Date.now() + 60_000;
      let staged = 0;
      while (staged < CHATS / 10 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
        staged = await countKeys(kv, ["chats", owner]) - 1;
      }
      assert(staged >= CHATS / 10, `the import got going: ${staged}`);
      await app.kill();
      assertEquals(await upload, "broken");

      app = await startAppProcess(env);
      const cookie = client.cookie;
      client = new ApiClient(app.url);
      client.cookie = cookie;
      const titles = async () => {
        const all: string[] = [];
        let cursor = "";
        do {
          const page = await client.json<
            { chats: { title: string }[]; cursor?: string }
          >(`/api/chats?limit=500${cursor ? `&cursor=${cursor}` : ""}`);
          all.push(...page.chats.map((c) => c.title));
          cursor = page.cursor ?? "";
        } while (cursor);
        return all;
      };
      assertEquals(await titles(), ["sudah ada"], "nothing of the import");

      const retry = await client.fetch("/api/import?filename=all.json", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body,
      });
      assertEquals(retry.status, 201);
      await retry.body?.cancel();
      const after = await titles();
      assertEquals(after.length, CHATS + 1, "each chat is there once");
      assertEquals(new Set(after).size, CHATS + 1);

      // Once the killed import's lease is over, a collection removes it.
      await app.stop();
      const store = new ChatStore(kv, {
        now: () => new Date(Date.now() + IMPORT_LEASE_MS + 1),
      });
      assertEquals(await store.collectGarbage(), 1);
      assertEquals(await countKeys(kv, ["chats", owner]), CHATS + 1);
      assertEquals(await countKeys(kv, ["import_chats"]), 0);
    } finally {
      await app.stop();
      kv.close();
      await Deno.remove(dir, { recursive: true });
    }
  },
});
