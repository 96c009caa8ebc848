import { assertEquals, assertRejects } from "@/tests/assert.ts";
import { collectModules, generateManifest } from "./manifest.ts";
import { fromFileUrl } from "./path.ts";

Deno.test("the committed fresh.gen.ts lists every route and island (run `deno task build` if not)", async () => {
  const root = fromFileUrl(new URL("../../../", import.meta.url));
  assertEquals(
    await Deno.readTextFile(`${root}/fresh.gen.ts`),
    await generateManifest(root),
  );
});

async function project(files: string[]): Promise<string> {
  const root = await Deno.makeTempDir();
  for (const file of files) {
    await Deno.mkdir(`${root}/${file.slice(0, file.lastIndexOf("/"))}`, {
      recursive: true,
    });
    await Deno.writeTextFile(`${root}/${file}`, "export default 1;\n");
  }
  return root;
}

// Fresh 1.x docs (concepts/routing, "Co-location"): a `(_name)` route folder
// is private, `(_islands)` holds islands; test files are not routes.
Deno.test("collectModules() leaves out test files and private (_folders), and takes (_islands) as islands", async () => {
  const root = await project([
    "routes/index.tsx",
    "routes/index_test.ts",
    "routes/about.test.tsx",
    "routes/shop/(_components)/Card.tsx",
    "routes/shop/(_islands)/Cart.tsx",
    "routes/shop/(open)/index.tsx",
    "islands/Counter.tsx",
    "islands/Counter_test.tsx",
  ]);
  try {
    assertEquals(await collectModules(root), {
      routes: ["./routes/index.tsx", "./routes/shop/(open)/index.tsx"],
      islands: ["./islands/Counter.tsx", "./routes/shop/(_islands)/Cart.tsx"],
    });
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("collectModules() refuses two route files with the same name", async () => {
  const root = await project(["routes/about.tsx", "routes/about.ts"]);
  try {
    await assertRejects(() => collectModules(root), Error, "same name");
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
