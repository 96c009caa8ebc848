/**
 * The fake as a separate process, for benchmarks and manual runs:
 *
 *   deno run -A tests/fake_openrouter.ts --port 8089 \
 *     [--seed 1] [--api-key KEY] [--no-comments] [--first-token-delay-ms 300] \
 *     [--token-interval-ms 20] [--tokens 200 --tokens-per-second 50] [--timestamps]
 *
 * The port may also come from `FAKE_OPENROUTER_PORT`. The first line printed
 * is the base URL. `--tokens` makes every answer a `rate` scenario; the other
 * timing flags apply to every streamed answer. Another process can queue
 * scenarios with `POST /__fake/enqueue` (a scenario or an array), switch
 * `/models` with `POST /__fake/models {"behavior": "error"}`, and read the
 * recorded requests at `GET /__fake/requests`.
 */
import type { AnswerOptions } from "./scenarios.ts";
import type { FakeOpenRouter, FakeOpenRouterOptions } from "./types.ts";

function flag(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) =>
    a === `--${name}` || a.startsWith(`--${name}=`)
  );
  if (i < 0) return undefined;
  const arg = args[i];
  return arg.includes("=")
    ? arg.slice(arg.indexOf("=") + 1)
    : args[i + 1] ?? "";
}

function number(args: string[], name: string): number | undefined {
  const value = flag(args, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    throw new Error(
      `--${name} must be a non-negative number, e.g. --${name} 50; got "${value}"`,
    );
  }
  return n;
}

/** Parses the flags into server options. */
export function cliOptions(
  args: string[],
  env: (name: string) => string | undefined = (name) => Deno.env.get(name),
): FakeOpenRouterOptions {
  const answer: AnswerOptions = {};
  const firstTokenDelayMs = number(args, "first-token-delay-ms");
  const tokenIntervalMs = number(args, "token-interval-ms");
  if (firstTokenDelayMs !== undefined) {
    answer.firstTokenDelayMs = firstTokenDelayMs;
  }
  if (tokenIntervalMs !== undefined) answer.tokenIntervalMs = tokenIntervalMs;
  if (args.includes("--timestamps")) answer.timestamps = true;
  const tokens = number(args, "tokens");
  const envPort = env("FAKE_OPENROUTER_PORT");
  return {
    port: number(args, "port") ?? (envPort ? Number(envPort) : 0),
    hostname: flag(args, "hostname") ?? "127.0.0.1",
    seed: number(args, "seed"),
    apiKey: flag(args, "api-key"),
    comments: !args.includes("--no-comments"),
    answer,
    defaultScenario: tokens === undefined ? undefined : {
      type: "rate",
      count: tokens,
      tokensPerSecond: number(args, "tokens-per-second") ?? 50,
    },
  };
}

/** Starts the fake from the command line and runs until SIGINT or SIGTERM. */
export async function runCli(
  start: (options: FakeOpenRouterOptions) => Promise<FakeOpenRouter>,
): Promise<void> {
  const fake = await start(cliOptions(Deno.args));
  console.log(fake.baseUrl);
  const stop = async () => {
    await fake.close();
    Deno.exit(0);
  };
  Deno.addSignalListener("SIGINT", stop);
  Deno.addSignalListener("SIGTERM", stop);
}
