/** Dependencies are pinned: every npm import resolves to exactly the version deno.lock records. */
import { assert, assertEquals } from "@/tests/assert.ts";

const root = new URL("../", import.meta.url);

Deno.test("every npm dependency of deno.json is pinned and resolves inside deno.lock", async () => {
  const config = JSON.parse(
    await Deno.readTextFile(new URL("deno.json", root)),
  );
  const lock = JSON.parse(await Deno.readTextFile(new URL("deno.lock", root)));
  const specifiers: Record<string, string> = lock.specifiers ?? {};
  const problems: string[] = [];
  for (
    const [name, target] of Object.entries(
      config.imports as Record<string, string>,
    )
  ) {
    const match = /^npm:\/?((?:@[^/@]+\/)?[^/@]+)@([^/]+)\/?$/.exec(target);
    if (!match) continue;
    const [, pkg, version] = match;
    if (!/^\d+\.\d+\.\d+$/.test(version)) {
      problems.push(`${name}: ${version} is not an exact version`);
    }
    const locked = specifiers[`npm:${pkg}@${version}`];
    if (locked?.split("_")[0] !== version) {
      problems.push(`${name}: npm:${pkg}@${version} is not in deno.lock`);
    }
  }
  assertEquals(problems, []);
  // Frozen: resolving anything the lock does not already hold is an error.
  assertEquals(config.lock?.frozen, true);
  assert(
    Object.keys(specifiers).length > 0,
    "deno.lock lists the resolved packages",
  );
});
