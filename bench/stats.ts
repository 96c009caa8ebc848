/** Percentiles, printed tables and the JSON results file of a benchmark. */

/** The `p`-th percentile (0 to 100) of `values`, nearest rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Count, mean, min, p50, p90, p99 and max of `values`, rounded to 0.001. */
export interface Summary {
  n: number;
  mean: number;
  min: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** Summarizes `values` (milliseconds, bytes, …). */
export function summarize(values: number[]): Summary {
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const mean = values.reduce((a, b) => a + b, 0) / (values.length || 1);
  return {
    n: values.length,
    mean: round(mean),
    min: round(Math.min(...values)),
    p50: round(percentile(values, 50)),
    p90: round(percentile(values, 90)),
    p99: round(percentile(values, 99)),
    max: round(Math.max(...values)),
  };
}

/** Prints `rows` as an aligned text table under `title`. */
export function printTable(
  title: string,
  table: object[],
): void {
  const rows = table as Record<string, unknown>[];
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) =>
    typeof v === "number"
      ? (Number.isInteger(v) ? String(v) : v.toFixed(3))
      : String(v ?? "");
  const widths = columns.map((c) =>
    Math.max(c.length, ...rows.map((r) => cell(r[c]).length))
  );
  const line = (values: string[]) =>
    values.map((
      v,
      i,
    ) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join("  ");
  console.log(`\n${title}`);
  console.log(line(columns));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const row of rows) console.log(line(columns.map((c) => cell(row[c]))));
}

/** Writes `data` to `bench/results/<name>.json` and says where. */
export async function writeResults(
  name: string,
  data: unknown,
): Promise<string> {
  const dir = new URL("./results/", import.meta.url);
  await Deno.mkdir(dir, { recursive: true });
  const file = new URL(`${name}.json`, dir);
  const payload = {
    benchmark: name,
    date: new Date().toISOString(),
    deno: Deno.version.deno,
    cpus: navigator.hardwareConcurrency,
    /** 1, 5 and 15 minute load averages at the end: other work on the box. */
    loadavg: Deno.loadavg(),
    ...data as Record<string, unknown>,
  };
  await Deno.writeTextFile(file, JSON.stringify(payload, null, 2) + "\n");
  const path = decodeURIComponent(file.pathname);
  console.log(`\nresults written to ${path}`);
  return path;
}

/** "met" or "MISSED" for a target `value <= limit`. */
export function verdict(value: number, limit: number): string {
  return value <= limit ? "met" : "MISSED";
}

/** The most `[start, end]` intervals open at one time. */
export function maxOverlap(intervals: number[][]): number {
  const edges = intervals.flatMap(([a, b]) => [[a, 1], [b, -1]]).sort((x, y) =>
    x[0] - y[0] || x[1] - y[1]
  );
  let open = 0;
  let most = 0;
  for (const [, step] of edges) most = Math.max(most, open += step);
  return most;
}
