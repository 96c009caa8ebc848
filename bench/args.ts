/**
 * A benchmark's own arguments: numbers (`--requests 500`), extra flags and
 * environment for the app process (`--app-flag`, `--app-env`).
 */
/** The number after `--<name>` in this benchmark's arguments, or `fallback`. */
export function numberArg(name: string, fallback: number, args = Deno.args) {
  const at = args.indexOf(`--${name}`);
  const value = at >= 0 ? Number(args[at + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(
      `--${name} needs a positive number, e.g. --${name} ${fallback}`,
    );
  }
  return value;
}

/** The `--app-flag X` arguments of this benchmark: extra `deno run` flags for the app. */
export function appFlags(args = Deno.args): string[] {
  return args.flatMap((a, i) => args[i - 1] === "--app-flag" ? [a] : []);
}

/** The `--app-env NAME=VALUE` arguments of this benchmark: extra environment for the app. */
export function appEnv(args = Deno.args): Record<string, string> {
  const pairs = args.flatMap((a, i) => args[i - 1] === "--app-env" ? [a] : []);
  return Object.fromEntries(
    pairs.map((p) => [p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1)]),
  );
}
