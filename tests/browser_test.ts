import { assert, assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { browserTestsSkipped } from "./browser.ts";

/** Runs `module` as a test run of its own; its exit code and output. */
async function runModule(module: string) {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["test", "-A", "--no-check", module],
    cwd: new URL("..", import.meta.url).pathname,
    env: { NO_COLOR: "1", CI: "true" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const output = new TextDecoder().decode(stdout) +
    new TextDecoder().decode(stderr);
  return { code, output };
}

Deno.test({
  name:
    "a browser test that ends while a route handler fetches is counted and does not fail the run",
  ignore: browserTestsSkipped,
  async fn() {
    const { code, output } = await runModule(
      "tests/modules/route_in_flight.ts",
    );
    assertStringIncludes(output, "ok | 2 passed | 0 failed");
    assertEquals(code, 0, output);
  },
});

Deno.test({
  name:
    "a browser test stuck on a wait without a time limit fails at its own limit instead of holding the run",
  ignore: browserTestsSkipped,
  async fn() {
    const started = Date.now();
    const { code, output } = await runModule(
      "tests/modules/stuck_browser.ts",
    );
    assertStringIncludes(output, "ran longer than 1 s and was stopped");
    assertStringIncludes(output, "0 passed | 1 failed");
    assertEquals(code, 1, output);
    const took = Date.now() - started;
    assert(took < 30_000, `the run took ${took} ms`);
  },
});
