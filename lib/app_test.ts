import { assertEquals } from "@/tests/assert.ts";
import { createServices } from "./app.ts";
import { allKeys } from "./chats/store/test_helpers.ts";
import { loadConfig } from "./config.ts";

/** Leaves what a purge cut short by a crash leaves: a trash mark and a message. */
async function interruptedDeletion(kv: Deno.Kv, chatId: string) {
  await kv.set(["trash", "alice", chatId], "2024-05-01T09:00:00Z");
  await kv.set(["messages", "alice", chatId, "M1"], { id: "M1" });
}

Deno.test("createServices() purges interrupted deletions at start and close() stops the collector", async () => {
  const dir = await Deno.makeTempDir();
  const path = `${dir}/chatai.sqlite3`;
  try {
    const kv = await Deno.openKv(path);
    await interruptedDeletion(kv, "C1");
    kv.close();
    const config = await loadConfig(
      { KV_PATH: path, SESSION_SECRET: "s".repeat(32) },
      { secretsPath: "/nonexistent/secrets.toml" },
    );
    const services = await createServices(config);
    try {
      await services.garbage.idle();
      const left = (await allKeys(services.kv)).filter((key) =>
        key[0] === "trash" || key[0] === "messages"
      );
      assertEquals(left, []);
    } finally {
      await services.close();
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
