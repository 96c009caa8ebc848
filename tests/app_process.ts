/**
 * The app as a separate `deno run main.ts` process, as it runs in production
 * (except that partial text is flushed every 100 ms, so tests poll for it
 * instead of waiting a second): for multi-instance tests.
 */

import { TEST_API_KEY, TEST_SESSION_SECRET } from "./app_server.ts";
import type { FakeOpenRouter } from "./fake_openrouter.ts";

/** A running app process. */
export interface AppProcess {
  url: string;
  pid: number;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
  /**
   * Sends `signal` (default SIGKILL, a crash) and waits for the exit: its
   * status, and what the process printed to stderr.
   */
  kill(
    signal?: Deno.Signal,
  ): Promise<{ status: Deno.CommandStatus; stderr: string }>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

/**
 * Starts `main.ts` with `env` (HOST is chosen, PORT too unless `port` is
 * given, e.g. to restart on the same address) and waits until it answers /healthz.
 *
 * With `built`, the process serves this test run's build made ahead
 * (tests/shared_build.ts), as `deno task start` serves `_fresh/`. Without
 * one, each process bundles the islands in memory under a build id of its
 * own (Fresh's BUILD_ID), so a page that another or an earlier process
 * served cannot load its code from this one: a test of a restart that a
 * page lives through starts every process `built`, as a deployment is.
 */
export async function startAppProcess(
  env: Record<string, string>,
  options: { port?: number; built?: boolean } = {},
): Promise<AppProcess> {
  const args = options.built
    ? ["run", "-A", "tests/built_main.ts", await sharedOutDir()]
    : ["run", "-A", "main.ts"];
  // A free port can be taken by another process before the app binds it;
  // then the app exits at once, and another port is tried.
  for (let attempt = 1;; attempt++) {
    try {
      return await startOnce(env, options.port ?? freePort(), args);
    } catch (error) {
      if (!(error instanceof EarlyExit) || options.port || attempt >= 3) {
        throw error;
      }
    }
  }
}

/** The app exited before it answered. */
class EarlyExit extends Error {}

/** This test run's shared build, relative to the app's root. */
async function sharedOutDir(): Promise<string> {
  const [{ sharedBuild }, { default: manifest }] = await Promise.all([
    import("./shared_build.ts"),
    import("../fresh.gen.ts"),
  ]);
  const outDir = (await sharedBuild(manifest)).build?.outDir;
  if (!outDir) throw new Error("The shared test build failed");
  return outDir;
}

async function startOnce(
  env: Record<string, string>,
  port: number,
  args: string[],
): Promise<AppProcess> {
  const root = new URL("../", import.meta.url);
  const child = new Deno.Command(Deno.execPath(), {
    args,
    cwd: root,
    env: {
      FLUSH_INTERVAL_MS: "100",
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
      NO_COLOR: "1",
    },
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const errors = child.stderr.pipeThrough(new TextDecoderStream());
  let stderr = "";
  const drained = (async () => {
    for await (const text of errors) stderr += text;
  })();
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  let exited: Deno.CommandStatus | undefined;
  child.status.then((status) => exited = status);
  for (;;) {
    try {
      const res = await fetch(`${url}/healthz`);
      await res.body?.cancel();
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (exited) {
      await drained;
      throw new EarlyExit(
        `The app on port ${port} exited with code ${exited.code} before it answered:\n${stderr}`,
      );
    }
    if (Date.now() > deadline) {
      child.kill();
      await drained;
      throw new Error(
        `The app on port ${port} did not start in 30 s:\n${stderr}`,
      );
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return {
    url,
    pid: child.pid,
    async stop() {
      try {
        child.kill("SIGTERM");
      } catch { /* already gone */ }
      await child.status;
      await drained;
    },
    async kill(signal = "SIGKILL") {
      try {
        child.kill(signal);
      } catch { /* already gone */ }
      const status = await child.status;
      await drained;
      return { status, stderr };
    },
  };
}

/** The environment of an app process on the KV file in `dir`. */
export function processEnv(
  dir: string,
  fake: FakeOpenRouter,
): Record<string, string> {
  return {
    KV_PATH: `${dir}/chatai.sqlite3`,
    OPENROUTER_BASE_URL: fake.baseUrl,
    OPENROUTER_API_KEY: TEST_API_KEY,
    SESSION_SECRET: TEST_SESSION_SECRET,
    // No storage reserve: a test machine's disk may be nearly full.
    STORAGE_RESERVE_BYTES: "0",
  };
}
