import { assert, assertEquals, assertRejects } from "@/tests/assert.ts";
import {
  findCycles,
  importSpecifiers,
  readImportGraph,
} from "./import_graph.ts";

const ROOT = new URL("../", import.meta.url).pathname;

/** Writes `files` (path → source) into a new temporary repository. */
async function repo(files: Record<string, string>): Promise<string> {
  const root = await Deno.makeTempDir();
  for (const [path, source] of Object.entries(files)) {
    const file = `${root}/${path}`;
    await Deno.mkdir(file.slice(0, file.lastIndexOf("/")), { recursive: true });
    await Deno.writeTextFile(file, source);
  }
  return root;
}

const denoJson = JSON.stringify({
  imports: { "@/": "./", "$fresh/": "./lib/fresh/", "preact": "npm:preact" },
});

Deno.test("importSpecifiers() reads static, type, re-export, multi-line and dynamic imports, not comments", () => {
  const source = `
import { a } from "./a.ts";
import type { B } from "@/lib/b.ts";
import {
  c,
  d,
} from "../c.ts";
import "./side_effect.ts";
export { e } from "$fresh/e.ts";
export * from "./f.tsx";
const g = await import("./g.ts");
/** Not an import: import { h } from "./h.ts"; */
// import { i } from "./i.ts";
export const j = "./j.ts";
`;
  assertEquals(importSpecifiers(source), [
    "./a.ts",
    "@/lib/b.ts",
    "../c.ts",
    "./side_effect.ts",
    "$fresh/e.ts",
    "./f.tsx",
    "./g.ts",
  ]);
});

Deno.test("findCycles() names a cycle that runs through @/ and $fresh/ imports, and only that one", async () => {
  const root = await repo({
    "deno.json": denoJson,
    // lib/turn.ts → lib/admission.ts → lib/fresh/ctx.ts → lib/turn.ts
    "lib/turn.ts": `import type { Admit } from "./admission.ts";\n`,
    "lib/admission.ts":
      `import { h } from "preact";\nimport { ctx } from "$fresh/ctx.ts";\n`,
    "lib/fresh/ctx.ts": `export type { Turn } from "@/lib/turn.ts";\n`,
    // A diamond is no cycle.
    "routes/index.tsx":
      `import "@/lib/turn.ts";\nimport "../components/Box.tsx";\n`,
    "components/Box.tsx": `import "@/lib/util.ts";\n`,
    "lib/util.ts": `export const one = 1;\n`,
  });
  try {
    const graph = await readImportGraph({ root, dirs: ["lib", "routes"] });
    assertEquals(graph.get("components/Box.tsx"), ["lib/util.ts"]);
    assertEquals(findCycles(graph), [{
      modules: ["lib/admission.ts", "lib/fresh/ctx.ts", "lib/turn.ts"],
      path: [
        "lib/admission.ts",
        "lib/fresh/ctx.ts",
        "lib/turn.ts",
        "lib/admission.ts",
      ],
    }]);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("findCycles() finds a module that imports itself, and none in a tree", () => {
  assertEquals(
    findCycles(new Map([["a.ts", ["a.ts"]], ["b.ts", ["a.ts"]]])),
    [{ modules: ["a.ts"], path: ["a.ts", "a.ts"] }],
  );
  assertEquals(
    findCycles(new Map([["a.ts", ["b.ts", "c.ts"]], ["b.ts", ["c.ts"]]])),
    [],
  );
});

Deno.test("readImportGraph() fails on an import of a missing module", async () => {
  const root = await repo({
    "deno.json": denoJson,
    "lib/a.ts": `import "./gone.ts";\n`,
  });
  try {
    await assertRejects(
      () => readImportGraph({ root, dirs: ["lib"] }),
      Error,
      "lib/a.ts imports ./gone.ts, which does not exist",
    );
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("readImportGraph() sees the same imports as deno info, for every module main.ts loads", async () => {
  const info = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", "main.ts"],
    cwd: ROOT,
    stdout: "piped",
  }).output();
  const { modules } = JSON.parse(new TextDecoder().decode(info.stdout)) as {
    modules: {
      local?: string;
      dependencies?: {
        code?: { specifier: string };
        type?: { specifier: string };
      }[];
    }[];
  };
  // Files outside the repository (e.g. a local checkout of Fresh that
  // `$fresh/` points at) are dependencies, as remote modules are.
  const local = (url: string) => {
    const path = url.startsWith("file://") ? new URL(url).pathname : "";
    return path.startsWith(ROOT) ? path.slice(ROOT.length) : undefined;
  };
  const graph = await readImportGraph({
    root: ROOT,
    dirs: ["lib", "routes", "islands", "components"],
  });
  let compared = 0;
  for (const module of modules) {
    const name = module.local?.slice(ROOT.length);
    if (!name || !graph.has(name)) continue;
    const expected = new Set(
      (module.dependencies ?? []).flatMap((d) => [d.code, d.type])
        .map((d) => d && local(d.specifier)).filter((d) => d !== undefined),
    );
    assertEquals(new Set(graph.get(name)), expected, name);
    compared++;
  }
  assert(compared > 100, `only ${compared} modules compared`);
});

Deno.test({
  name:
    "lib/, routes/, islands/ and components/ import each other without a cycle",
  // Before issue 11 it found, with type-only imports counted:
  // - lib/generation/{admission,answer,command_turn,turn}.ts (through TurnContext)
  // - lib/openrouter/{fallback_models,models}.ts (through ModelInfo)
  async fn() {
    const graph = await readImportGraph({
      root: ROOT,
      dirs: ["lib", "routes", "islands", "components"],
    });
    const cycles = findCycles(graph).map(({ modules, path }) =>
      `${path.join(" → ")} (in a circle: ${modules.join(", ")})`
    );
    assertEquals(cycles, [], `import cycles:\n${cycles.join("\n")}`);
  },
});
