import { assert } from "@/tests/assert.ts";
import { clientDictionary } from "./mod.ts";

const root = new URL("../../", import.meta.url);

/** Files that run in the browser: islands and the components they import, transitively. */
async function browserFiles(): Promise<string[]> {
  const queue = [...Deno.readDirSync(new URL("islands/", root))]
    .filter((e) => e.isFile && e.name.endsWith(".tsx"))
    .map((e) => `islands/${e.name}`);
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = await Deno.readTextFile(new URL(file, root));
    for (
      const [, path] of text.matchAll(
        /(?:from |import\()"@\/(components\/[\w/]+\.tsx)"/g,
      )
    ) {
      queue.push(path);
    }
  }
  return [...seen];
}

Deno.test("every string an island translates in the browser travels with the page", async () => {
  const shipped = clientDictionary("en");
  const missing: string[] = [];
  for (const file of await browserFiles()) {
    const text = await Deno.readTextFile(new URL(file, root));
    for (const [, key] of text.matchAll(/\bt\(\s*"([\w.]+)"/g)) {
      if (!(key in shipped)) missing.push(`${file}: ${key}`);
    }
  }
  assert(
    missing.length === 0,
    `Not shipped to the browser:\n${missing.join("\n")}`,
  );
});
