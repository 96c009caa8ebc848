import { assertEquals } from "@/tests/assert.ts";
import { whenIdle } from "./when_idle.ts";

type IdleGlobal = {
  requestIdleCallback?: (run: () => void, options?: object) => number;
};

Deno.test("whenIdle() runs the work after its fallback timer where the browser has no requestIdleCallback", async () => {
  assertEquals("requestIdleCallback" in globalThis, false);
  const ran: number[] = [];
  const start = performance.now();
  await new Promise<void>((resolve) =>
    whenIdle(() => {
      ran.push(performance.now() - start);
      resolve();
    }, { timeoutMs: 5_000, fallbackMs: 30 })
  );
  assertEquals(ran.length, 1);
  assertEquals(ran[0] >= 25, true, `ran after ${ran[0]} ms`);
});

Deno.test("whenIdle() hands the work and its deadline to requestIdleCallback where there is one", () => {
  const asked: (object | undefined)[] = [];
  const queued: (() => void)[] = [];
  (globalThis as IdleGlobal).requestIdleCallback = (run, options) => {
    queued.push(run);
    asked.push(options);
    return 1;
  };
  try {
    let ran = 0;
    whenIdle(() => ran++, { timeoutMs: 800, fallbackMs: 100 });
    whenIdle(() => ran++);
    assertEquals(asked, [{ timeout: 800 }, undefined]);
    assertEquals(ran, 0);
    queued.forEach((run) => run());
    assertEquals(ran, 2);
  } finally {
    delete (globalThis as IdleGlobal).requestIdleCallback;
  }
});
