/** Memory and CPU of a process, read from /proc (Linux). */

const TICKS_PER_SECOND = 100;

/** Resident set size of `pid` in bytes (VmRSS), or NaN when it is gone. */
export async function rssBytes(pid: number): Promise<number> {
  return (await memoryOf(pid)).bytes;
}

/** RSS in bytes and the number of threads of `pid`; NaN when it is gone. */
export async function memoryOf(
  pid: number,
): Promise<{ bytes: number; threads: number }> {
  try {
    const status = await Deno.readTextFile(`/proc/${pid}/status`);
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    const threads = /^Threads:\s+(\d+)/m.exec(status)?.[1];
    return {
      bytes: kb ? Number(kb) * 1024 : NaN,
      threads: threads ? Number(threads) : NaN,
    };
  } catch {
    return { bytes: NaN, threads: NaN };
  }
}

/** CPU seconds (user + system) `pid` has used so far. */
export async function cpuSeconds(pid: number): Promise<number> {
  const stat = await Deno.readTextFile(`/proc/${pid}/stat`);
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Samples `pid`'s RSS every `intervalMs` until `stop()`; returns the samples. */
export function sampleRss(pid: number, intervalMs = 200) {
  const samples: { at: number; bytes: number; threads: number }[] = [];
  const started = performance.now();
  const take = async () => {
    const { bytes, threads } = await memoryOf(pid);
    if (!Number.isNaN(bytes)) {
      const at = Math.round(performance.now() - started);
      samples.push({ at, bytes, threads });
    }
  };
  void take();
  const timer = setInterval(take, intervalMs);
  return {
    samples,
    /** Stops sampling; returns the peak in bytes. */
    stop(): number {
      clearInterval(timer);
      return Math.max(...samples.map((s) => s.bytes));
    },
  };
}
