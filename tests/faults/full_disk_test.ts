/**
 * A full disk (a KV wrapper with a small capacity, fake_disk.ts): a failed
 * final save is reported as an error with the text kept, new data is
 * refused while storage fails, deleting still works, and once space is
 * back the chat is usable.
 */
import { assert, assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { ApiClient, startApp } from "../app_server.ts";
import { FakeDisk } from "./fake_disk.ts";
import { messagesOf, sleep, streamReader } from "./helpers.ts";

Deno.test("on a full disk the answer ends with a save error, new data is refused, deleting works, and the chat recovers", async () => {
  const disk = new FakeDisk();
  const app = await startApp({ STORAGE_RESERVE_BYTES: "4096" }, {
    wrapKv: (kv) => disk.wrap(kv),
    freeBytes: () => Promise.resolve(disk.free()),
  });
  try {
    const client = new ApiClient(app.url);
    const old = await client.createChat();
    await client.send(old, "[[fake:long=20000]]");
    const id = await client.createChat();
    const res = await client.fetch(`/api/chats/${id}/messages`, {
      method: "POST",
      json: { content: `[[fake:slow=10]] ${"kata ".repeat(250)}` },
    });
    const reader = streamReader(res);
    await reader.waitForDeltas(5);
    disk.capacity = disk.used + 600; // the disk fills while it answers
    const { events } = await reader.rest();
    const [error, done] = events.slice(-2);
    assertEquals(error.event, "error");
    const saveError = error.data.error as { code: string; message: string };
    assertEquals(saveError.code, "storage_full");
    assertStringIncludes(saveError.message, "could not be saved");
    assertEquals(done.data.message!.status, "error");
    assertEquals(done.data.message!.content, reader.text(), "text kept");
    assert(reader.text().length > 1000, "the answer outgrew the disk");

    // Nothing new is taken while storage fails; the service says so.
    const refused = await client.fetch(`/api/chats/${old}/messages`, {
      method: "POST",
      json: { content: "satu lagi" },
    });
    assertEquals(refused.status, 507);
    assertStringIncludes(await refused.text(), "Storage is almost full");
    const health = await fetch(`${app.url}/healthz`);
    assertEquals(health.status, 503);
    assertStringIncludes(await health.text(), "storage");
    // Deleting frees space even now.
    assertEquals(
      (await client.fetch(`/api/chats/${old}`, { method: "DELETE" })).status,
      204,
    );

    disk.capacity = Infinity; // space is back
    const deadline = Date.now() + 5000;
    let said = "";
    while ((said = await (await fetch(`${app.url}/healthz`)).text()) !== "ok") {
      assert(Date.now() < deadline, `healthz still says ${said}`);
      await sleep(100);
    }
    const answer = (await messagesOf(client, id)).at(-1)!;
    assertEquals(answer.status, "error");
    assertEquals(answer.error?.code, "interrupted");
    assert(answer.content.length > 0, "the text saved before the disk filled");
    const next = await client.send(id, "sekarang bisa?");
    assertEquals(next.at(-1)!.data.message!.status, "complete");
  } finally {
    await app.close();
  }
});
