import { h } from "preact";
import { assert, assertEquals } from "@/tests/assert.ts";
import { start } from "../server.ts";
import type { Manifest } from "../server.ts";
import { configuredPort } from "./serve.ts";

const manifest: Manifest = {
  baseUrl: new URL("../testdata/fresh.gen.ts", import.meta.url).href,
  islands: {},
  routes: { "./routes/index.tsx": { default: () => h("p", null, "up") } },
};

function freePort(): number {
  const listener = Deno.listen({ port: 0, hostname: "127.0.0.1" });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

/** Starts the app, waits for it to listen, fetches "/" and stops it. */
async function startAndFetch(
  server: { port?: number } = {},
): Promise<{ port: number; body: string }> {
  const stop = new AbortController();
  const { promise: listening, resolve } = Promise.withResolvers<number>();
  const running = start(manifest, {
    server: {
      ...server,
      hostname: "127.0.0.1",
      signal: stop.signal,
      onListen: (addr) => resolve(addr.port),
    },
  });
  const port = await listening;
  const body = await (await fetch(`http://127.0.0.1:${port}/`)).text();
  stop.abort();
  await running;
  return { port, body };
}

async function withPortEnv<T>(
  value: string,
  fn: () => Promise<T>,
): Promise<T> {
  const old = Deno.env.get("PORT");
  Deno.env.set("PORT", value);
  try {
    return await fn();
  } finally {
    if (old === undefined) Deno.env.delete("PORT");
    else Deno.env.set("PORT", old);
  }
}

// Fresh 1.x (server/boot.ts): `PORT` from the environment when the config
// names no port; the configured port wins over it.
Deno.test("start() listens on PORT from the environment when the config names no port", async () => {
  const port = freePort();
  const served = await withPortEnv(String(port), () => startAndFetch());
  assertEquals(served, { port, body: "<!DOCTYPE html><p>up</p>" });
});

Deno.test("start() prefers the configured port to PORT", async () => {
  const port = freePort();
  const served = await withPortEnv(
    String(freePort()),
    () => startAndFetch({ port }),
  );
  assertEquals(served.port, port);
});

Deno.test("configuredPort() reads PORT as Fresh does; no usable port means look for one from 8000", () => {
  const env = (value?: string) => () => value;
  assertEquals(configuredPort({}, env("8123")), 8123);
  assertEquals(configuredPort({ port: 9000 }, env("8123")), 9000);
  assertEquals(configuredPort({}, env(undefined)), undefined);
  assertEquals(configuredPort({}, env("eighty")), undefined);
});

Deno.test("start() with no port and no PORT takes the next free port after a busy 8000", async () => {
  const old = Deno.env.get("PORT");
  Deno.env.delete("PORT");
  // 8000 is held here unless another process holds it already: busy either way.
  let held: Deno.Listener | undefined;
  try {
    held = Deno.listen({ port: 8000, hostname: "127.0.0.1" });
  } catch (error) {
    if (!(error instanceof Deno.errors.AddrInUse)) throw error;
  }
  try {
    const { port, body } = await startAndFetch();
    assert(port > 8000 && port <= 8019, `listened on ${port}`);
    assertEquals(body, "<!DOCTYPE html><p>up</p>");
  } finally {
    held?.close();
    if (old !== undefined) Deno.env.set("PORT", old);
  }
});
