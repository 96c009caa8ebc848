/**
 * The cost of one Deno KV commit on this disk, for reading other figures:
 * sequential small writes to a fresh KV file next to the app's.
 */
import { summarize, type Summary } from "./stats.ts";

/** Times `count` sequential `kv.set` commits (and reads) on a new KV file at `path`. */
export async function probeKv(
  path: string,
  count = 200,
): Promise<{ commitMs: Summary; readMs: Summary }> {
  const kv = await Deno.openKv(path);
  try {
    const commits: number[] = [];
    const reads: number[] = [];
    const value = "x".repeat(1000);
    for (let i = 0; i < count; i++) {
      let t = performance.now();
      await kv.set(["probe", i], value);
      commits.push(performance.now() - t);
      t = performance.now();
      await kv.get(["probe", i]);
      reads.push(performance.now() - t);
    }
    return { commitMs: summarize(commits), readMs: summarize(reads) };
  } finally {
    kv.close();
  }
}
