/**
 * `deno task bench [filter]`: runs each benchmark of issue 7 one after
 * another, each in its own `deno run -A bench/<file>` process (they start
 * their own app and fake upstream). With a filter, only the benchmarks whose
 * name contains it run, e.g. `deno task bench latency`. Arguments after the
 * filter go to every benchmark that runs (e.g. `--profile`).
 */

/** The benchmark modules, in the order they run. */
export const BENCHMARKS: readonly string[] = [
  "latency.ts",
  "forwarding.ts",
  "many_streams.ts",
  "pages.ts",
  "first_load.ts",
  "markdown_stream.ts",
  "markdown_adversarial.ts",
  "faults.ts",
  "import_bomb.ts",
];

/** Runs the benchmarks matching `filter`; returns the names that failed. */
export async function runBenchmarks(
  filter = "",
  args: string[] = [],
): Promise<string[]> {
  const failed: string[] = [];
  const dir = new URL("./", import.meta.url);
  for (const file of BENCHMARKS) {
    if (!file.includes(filter)) continue;
    try {
      await Deno.stat(new URL(file, dir));
    } catch {
      console.log(`\n== ${file}: not present, skipped`);
      continue;
    }
    console.log(`\n== bench/${file}`);
    const started = performance.now();
    const { code } = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", `bench/${file}`, ...args],
      cwd: new URL("../", import.meta.url),
      stdout: "inherit",
      stderr: "inherit",
    }).output();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `== bench/${file}: ${
        code === 0 ? "done" : `FAILED (exit ${code})`
      } in ${seconds} s`,
    );
    if (code !== 0) failed.push(file);
  }
  return failed;
}

if (import.meta.main) {
  const [first, ...rest] = Deno.args;
  const filter = first && !first.startsWith("--") ? first : "";
  const args = filter ? rest : Deno.args;
  const failed = await runBenchmarks(filter, args);
  if (failed.length) {
    console.error(`\nfailed: ${failed.join(", ")}`);
    Deno.exit(1);
  }
}
