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
  let longestMs = 0, over50 = 0, count = 0;
  for (const e of trace.traceEvents) {
    if (e.ph !== "X" || !/RunTask$/.test(e.name)) continue;
    if (!mainThreads.has(`${e.pid}:${e.tid}`)) continue;
    const ms = (e.dur ?? 0) / 1000;
    count++;
    longestMs = Math.max(longestMs, ms);
    if (ms > 50) over50++;
  }
  return { longestMs, over50, count };
}
