/**
 * What every benchmark starts: the fake upstream and the app, each as its own
 * `deno run` process on 127.0.0.1, a temporary KV file, and a stack of
 * clean-ups run in `finally`. Users and data are in app_data.ts.
 */

import { appEnv, appFlags } from "./args.ts";

/** The repository root: processes start here, so deno.json applies. */
export const ROOT = new URL("../", import.meta.url);
/** The API key the app sends upstream. */
export const BENCH_API_KEY = "sk-or-v1-bench-key-0123456789abcdef";
/** The app's session secret, so benchmarks can sign cookies themselves. */
export const BENCH_SESSION_SECRET = "bench-session-secret-0123456789abcdef-XYZ";

/** Limits raised out of the way of a benchmark. */
export const HIGH_LIMITS: Record<string, string> = {
  RATE_LIMIT_PER_MINUTE: "100000",
  MAX_CONCURRENT_PER_OWNER: "10000",
  MAX_CONCURRENT_GENERATIONS: "100000",
  MAX_MESSAGES_PER_CHAT: "1000000",
  RATE_LIMIT_PER_ADDRESS_PER_MINUTE: "100000",
  RATE_LIMIT_GLOBAL_PER_MINUTE: "10000000",
  MAX_CHATS_PER_OWNER: "1000000",
  MAX_MESSAGES_PER_OWNER: "100000000",
  IMPORTS_PER_HOUR: "100000",
  CHATS_PER_MINUTE: "100000",
};

/** Things to undo at the end, last first. */
export class Cleanup {
  #steps: (() => Promise<void> | void)[] = [];
  /** Registers `step` to run at the end. */
  defer(step: () => Promise<void> | void): void {
    this.#steps.push(step);
  }
  /** Runs every step, newest first; failures are printed, not thrown. */
  async run(): Promise<void> {
    for (const step of this.#steps.reverse()) {
      try {
        await step();
      } catch (error) {
        console.error("clean-up failed:", error);
      }
    }
    this.#steps = [];
  }
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

/** A process this benchmark started. */
export interface Proc {
  pid: number;
  url: string;
  /** What the process wrote to stdout so far. */
  stdout(): string;
  /** What the process wrote to stderr so far (the last 20,000 characters). */
  stderr(): string;
}

function spawn(args: string[], env: Record<string, string>, cleanup: Cleanup) {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", ...args],
    cwd: ROOT,
    env: { NO_COLOR: "1", ...env },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let out = "";
  let err = "";
  const drain = async (
    stream: ReadableStream<Uint8Array>,
    to: "out" | "err",
  ) => {
    const decoder = new TextDecoder();
    for await (const bytes of stream) {
      const text = decoder.decode(bytes, { stream: true });
      if (to === "out") out += text;
      else err = (err + text).slice(-20_000);
    }
  };
  const drained = Promise.all([
    drain(child.stdout, "out"),
    drain(child.stderr, "err"),
  ]);
  cleanup.defer(async () => {
    try {
      child.kill("SIGTERM");
    } catch { /* already gone */ }
    const timer = setTimeout(() => {
      try {
        child.kill("SIGKILL");
      } catch { /* gone */ }
    }, 5000);
    await child.status;
    clearTimeout(timer);
    await drained;
  });
  return { child, stdout: () => out, stderr: () => err };
}

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  stderr: () => string,
) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(`${what} did not start in 90 s:\n${stderr()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts the fake OpenRouter (`bench/fake_upstream.ts`, the flags of
 * tests/fake/cli.ts plus `--max-piece`) and returns its base URL.
 */
export async function startFake(
  flags: string[],
  cleanup: Cleanup,
): Promise<Proc> {
  const port = freePort();
  const proc = spawn(
    ["bench/fake_upstream.ts", "--port", String(port), ...flags],
    {},
    cleanup,
  );
  const url = await until("the fake upstream", () => {
    const line = proc.stdout().split("\n")[0];
    return Promise.resolve(
      proc.stdout().includes("\n") ? line.trim() : undefined,
    );
  }, proc.stderr);
  return { pid: proc.child.pid, url, ...proc };
}

/** A new temporary directory holding `chatai.sqlite3`; removed at the end. */
export async function tempKvPath(cleanup: Cleanup): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "chatai-bench-" });
  cleanup.defer(() => Deno.remove(dir, { recursive: true }));
  return `${dir}/chatai.sqlite3`;
}

/**
 * The `--v8-flags` of `deno task start` (the server's heap sizing), so that
 * benchmarks measure the server as it is run. An `--app-flag` with its own
 * `--v8-flags` comes later on the command line; V8 applies both, the later
 * value of a flag last.
 */
export async function startTaskV8Flags(): Promise<string[]> {
  const config = JSON.parse(
    await Deno.readTextFile(new URL("deno.json", ROOT)),
  );
  return (config.tasks.start as string).split(/\s+/).filter((arg) =>
    arg.startsWith("--v8-flags=")
  );
}

/** Starts `main.ts` on a free port with KV at `kvPath` and waits for /healthz. */
export async function startApp(
  options: {
    fakeUrl: string;
    kvPath: string;
    env?: Record<string, string>;
    /** Flags for `deno run` (e.g. `--cpu-prof`), from `--app-flag` arguments by default. */
    denoArgs?: string[];
  },
  cleanup: Cleanup,
): Promise<Proc> {
  const port = freePort();
  const flags = [
    ...await startTaskV8Flags(),
    ...(options.denoArgs ?? appFlags()),
  ];
  const proc = spawn([...flags, "main.ts"], {
    PORT: String(port),
    HOST: "127.0.0.1",
    KV_PATH: options.kvPath,
    OPENROUTER_BASE_URL: options.fakeUrl,
    OPENROUTER_API_KEY: BENCH_API_KEY,
    SESSION_SECRET: BENCH_SESSION_SECRET,
    APP_URL: `http://127.0.0.1:${port}`,
    ...HIGH_LIMITS,
    ...appEnv(),
    ...options.env,
  }, cleanup);
  const url = `http://127.0.0.1:${port}`;
  await until("the app", async () => {
    const res = await fetch(`${url}/healthz`);
    await res.body?.cancel();
    return res.ok ? true : undefined;
  }, proc.stderr);
  return { pid: proc.child.pid, url, ...proc };
}

/**
 * With `--profile` among this benchmark's arguments: the app's `deno run`
 * flags for an inspector on a free port, and that port; else none.
 */
export function profileFlags(
  args = Deno.args,
): { port?: number; flags: string[] } {
  if (!args.includes("--profile")) return { flags: [] };
  const port = freePort();
  return { port, flags: [`--inspect=127.0.0.1:${port}`] };
}
