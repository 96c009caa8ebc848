/**
 * A Deno Deploy dry run: after `deno task build`, `main.ts` runs as Deploy
 * runs it — no file writes, no subprocesses, `DENO_DEPLOYMENT_ID` set and
 * `KV_PATH` unset — and serves a chat page and an answer. The managed KV
 * cannot exist here: `CHATAI_TEST_PLATFORM_KV` makes the same
 * `Deno.openKv()` call open an in-memory KV.
 */
import { assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { freePort } from "@/tests/app_process.ts";
import { startFakeOpenRouter } from "@/tests/fake_openrouter.ts";
import {
  readEvents,
  TEST_API_KEY,
  TEST_SESSION_SECRET,
} from "@/tests/app_server.ts";

const root = new URL("../", import.meta.url);

/** The environment of a bare machine plus `env`: nothing else leaks in (no KV_PATH). */
function bareEnv(env: Record<string, string>): Record<string, string> {
  const keep = ["PATH", "HOME", "DENO_DIR", "XDG_CACHE_HOME", "TMPDIR"];
  const out: Record<string, string> = {};
  for (const name of keep) {
    const value = Deno.env.get(name);
    if (value !== undefined) out[name] = value;
  }
  return { ...out, NO_COLOR: "1", ...env };
}

Deno.test("on a Deploy dry run the built app serves a chat page and streams an answer", async () => {
  const build = await new Deno.Command(Deno.execPath(), {
    args: ["task", "build"],
    cwd: root,
    stdout: "null",
    stderr: "piped",
  }).output();
  assertEquals(build.code, 0, new TextDecoder().decode(build.stderr));

  const fake = await startFakeOpenRouter();
  const port = freePort();
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--deny-write", "--deny-run", "main.ts"],
    cwd: root,
    clearEnv: true,
    env: bareEnv({
      DENO_DEPLOYMENT_ID: "dry-run",
      CHATAI_TEST_PLATFORM_KV: ":memory:",
      PORT: String(port),
      HOST: "127.0.0.1",
      OPENROUTER_API_KEY: TEST_API_KEY,
      OPENROUTER_BASE_URL: fake.baseUrl,
      SESSION_SECRET: TEST_SESSION_SECRET,
    }),
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const stderr = (async () => {
    let text = "";
    for await (
      const part of child.stderr.pipeThrough(new TextDecoderStream())
    ) {
      text += part;
    }
    return text;
  })();
  const url = `http://127.0.0.1:${port}`;
  try {
    await until(async () => {
      const res = await fetch(`${url}/healthz`);
      await res.body?.cancel();
      return res.ok;
    });
    const headers = { Origin: url, "Content-Type": "application/json" };
    const created = await fetch(`${url}/api/chats`, {
      method: "POST",
      headers,
      body: "{}",
    });
    assertEquals(created.status, 201);
    const cookie = created.headers.get("set-cookie")!.split(";")[0];
    const { chat } = await created.json();
    const page = await fetch(`${url}/chats/${chat.id}?lang=en`, {
      headers: { Cookie: cookie },
    });
    assertEquals(page.status, 200);
    assertStringIncludes(await page.text(), "/_frsh/js/");
    const sent = await fetch(`${url}/api/chats/${chat.id}/messages`, {
      method: "POST",
      headers: { ...headers, Cookie: cookie },
      body: JSON.stringify({ content: "Halo dari Deploy" }),
    });
    const events = await readEvents(sent);
    const done = events.at(-1)!;
    assertEquals(done.event, "done");
    assertEquals((done.data.message as { status: string }).status, "complete");
  } finally {
    try {
      child.kill("SIGTERM");
    } catch { /* gone */ }
    await child.status;
    await stderr;
    await fake.close();
  }
});

async function until(check: () => Promise<boolean>) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if (await check()) return;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error("The app did not start in 30 s");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
