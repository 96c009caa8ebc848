import { assertEquals } from "@/tests/assert.ts";
import { longestTasks } from "./trace_tasks.ts";

const thread = {
  name: "thread_name",
  ph: "M",
  pid: 1,
  tid: 2,
  args: { name: "CrRendererMain" },
};
const task = (name: string, ts: number, ms: number, tid = 2) => ({
  name,
  ph: "X",
  pid: 1,
  tid,
  ts,
  dur: ms * 1000,
});

Deno.test("longestTasks() counts a task once though the trace nests its RunTask events", () => {
  const trace = {
    traceEvents: [
      thread,
      task("RunTask", 0, 60),
      task("ThreadControllerImpl::RunTask", 10, 59.9),
      task("RunTask", 100_000, 20),
    ],
  };
  assertEquals(longestTasks(trace), { longestMs: 60, over50: 1, count: 2 });
});

Deno.test("longestTasks() keeps the outer event of a task whose events start together", () => {
  const trace = {
    traceEvents: [
      thread,
      task("ThreadControllerImpl::RunTask", 0, 40),
      task("RunTask", 0, 55),
    ],
  };
  assertEquals(longestTasks(trace), { longestMs: 55, over50: 1, count: 1 });
});

Deno.test("longestTasks() leaves out tasks of threads other than the renderer's main one", () => {
  const trace = {
    traceEvents: [thread, task("RunTask", 0, 80, 3), task("RunTask", 0, 5)],
  };
  assertEquals(longestTasks(trace), { longestMs: 5, over50: 0, count: 1 });
});
