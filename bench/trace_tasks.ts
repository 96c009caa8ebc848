/**
 * Reads a Chromium trace (category "toplevel") for the tasks of renderer
 * main threads: the longest one and how many took over 50 ms. Unlike the
 * longtask observer, it sees tasks under 50 ms too.
 */

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  args?: { name?: string };
}

/** The longest renderer main-thread task in `trace`, in ms, and the count over 50 ms. */
export function longestTasks(
  trace: { traceEvents: TraceEvent[] },
): { longestMs: number; over50: number; count: number } {
  const mainThreads = new Set(
    trace.traceEvents
      .filter((e) =>
        e.name === "thread_name" && e.args?.name === "CrRendererMain"
      )
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const tasks = trace.traceEvents
    .filter((e) =>
      e.ph === "X" && /RunTask$/.test(e.name) &&
      mainThreads.has(`${e.pid}:${e.tid}`)
    )
    // An outer event can start in the same microsecond as its inner one:
    // the longer comes first.
    .sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0) || (b.dur ?? 0) - (a.dur ?? 0));
  let longestMs = 0, over50 = 0, count = 0;
  // A task shows as nested RunTask events (the scheduler's inside the
  // thread's): only the outermost one of each thread is counted.
  const endOf = new Map<string, number>();
  for (const e of tasks) {
    const thread = `${e.pid}:${e.tid}`;
    if ((e.ts ?? 0) < (endOf.get(thread) ?? -Infinity)) continue;
    endOf.set(thread, (e.ts ?? 0) + (e.dur ?? 0));
    const ms = (e.dur ?? 0) / 1000;
    count++;
    longestMs = Math.max(longestMs, ms);
    if (ms > 50) over50++;
  }
  return { longestMs, over50, count };
}
