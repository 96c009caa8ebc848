import { assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { browserTestsSkipped } from "./browser.ts";

Deno.test({
  name:
    "a browser test that ends while a route handler fetches is counted and does not fail the run",
  ignore: browserTestsSkipped,
  async fn() {
    const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
      args: ["test", "-A", "--no-check", "tests/modules/route_in_flight.ts"],
      cwd: new URL("..", import.meta.url).pathname,
      env: { NO_COLOR: "1", CI: "true" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const output = new TextDecoder().decode(stdout) +
      new TextDecoder().decode(stderr);
    assertStringIncludes(output, "ok | 2 passed | 0 failed");
    assertEquals(code, 0, output);
  },
});
