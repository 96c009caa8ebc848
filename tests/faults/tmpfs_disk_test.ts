/**
 * A real small disk: the app's KV file on a 24 MB tmpfs that a filler file
 * then takes up to below the storage reserve. New data is refused with a
 * clear error and changes nothing, `/healthz` says why, deleting still works
 * (the reserve leaves it room), and once space is back the chat is usable.
 * Mounting needs root, as CI has; elsewhere the test is skipped and
 * `full_disk_test.ts` (a KV wrapper) covers the same rules.
 */
import { assert, assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { ApiClient } from "../app_server.ts";
import { startAppProcess } from "../app_process.ts";
import { startFakeOpenRouter } from "../fake_openrouter.ts";
import { messagesOf, processEnv } from "./helpers.ts";

const MB = 1024 * 1024;

/** Mounts a tmpfs of `sizeMb` at a new folder; null where that is not allowed. */
async function mountTmpfs(sizeMb: number): Promise<string | null> {
  if (Deno.build.os !== "linux" || Deno.uid() !== 0) return null;
  const dir = await Deno.makeTempDir({ prefix: "chatai-disk-" });
  const { success } = await new Deno.Command("mount", {
    args: ["-t", "tmpfs", "-o", `size=${sizeMb}m`, "tmpfs", dir],
    stdout: "null",
    stderr: "null",
  }).output().catch(() => ({ success: false }));
  if (success) return dir;
  await Deno.remove(dir).catch(() => {});
  return null;
}

async function unmount(dir: string): Promise<void> {
  await new Deno.Command("umount", { args: [dir] }).output();
  await Deno.remove(dir).catch(() => {});
}

/** Writes a file that leaves about `leaveBytes` of the disk at `dir` free. */
async function fill(dir: string, leaveBytes: number): Promise<string> {
  const path = `${dir}/filler`;
  const { statfs } = await import("node:fs/promises");
  const s = await statfs(dir);
  const free = Number(s.bavail) * Number(s.bsize);
  await Deno.writeFile(path, new Uint8Array(Math.max(0, free - leaveBytes)));
  return path;
}

/** Polls `/healthz` until `wanted`; its last answer. */
async function healthOf(
  url: string,
  wanted: (h: { status: number; text: string }) => boolean,
): Promise<{ status: number; text: string }> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const res = await fetch(`${url}/healthz`);
    const health = { status: res.status, text: await res.text() };
    if (wanted(health)) return health;
    assert(Date.now() < deadline, `healthz still says ${health.text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const disk = await mountTmpfs(24);

Deno.test({
  name:
    "on a real disk below the reserve new data is refused, deleting works, and freed space makes the chat usable",
  ignore: disk === null,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const fake = await startFakeOpenRouter();
    const app = await startAppProcess({
      ...processEnv(disk!, fake),
      STORAGE_RESERVE_BYTES: String(4 * MB),
    });
    try {
      const client = new ApiClient(app.url);
      const keep = await client.createChat();
      await client.send(keep, "Halo");
      const spare = await client.createChat();
      await client.send(spare, "[[fake:long=200000]]");
      const before = await messagesOf(client, keep);

      const filler = await fill(disk!, 2 * MB);
      // Free space is measured every 2 s; /healthz says when it was seen.
      const seen = await healthOf(app.url, (h) => h.status === 503);
      assertStringIncludes(seen.text, "space");
      const refused = await client.fetch(`/api/chats/${keep}/messages`, {
        method: "POST",
        json: { content: "satu lagi" },
      });
      assertEquals(refused.status, 507);
      assertStringIncludes(await refused.text(), "Storage is almost full");
      assertEquals(await messagesOf(client, keep), before, "nothing changed");

      // The reserve leaves room to delete, which is how a person frees space.
      const deleted = await client.fetch(`/api/chats/${spare}`, {
        method: "DELETE",
      });
      assertEquals(deleted.status, 204);

      await Deno.remove(filler);
      await healthOf(app.url, (h) => h.status === 200);
      const events = await client.send(keep, "sudah lega");
      const done = events.at(-1)!;
      assertEquals(done.data.message!.status, "complete");
    } finally {
      await app.stop();
      await fake.close();
      await unmount(disk!);
    }
  },
});
