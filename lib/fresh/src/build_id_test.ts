/**
 * Fresh 1.x's BUILD_ID: the SHA-1 of `DENO_DEPLOYMENT_ID`, else of
 * `GITHUB_SHA`, else of a random UUID, taken once per process; the client
 * files are served under `/_frsh/js/<BUILD_ID>/`. So an islands bundle made
 * in memory at start belongs to its process: after a restart, or on another
 * instance, a page served before cannot load its code from there. A build
 * made ahead (`deno task build`) records its id, and every process that
 * serves it serves the same URLs. Each case runs in processes of its own.
 */
import { assert, assertEquals, assertNotEquals } from "@/tests/assert.ts";
import { fromFileUrl, relative } from "./path.ts";

const repo = fromFileUrl(new URL("../../../", import.meta.url));
const script = (body: string) => `
import { fromFileUrl } from "@/lib/fresh/src/path.ts";
const root = fromFileUrl(new URL("file://${repo}"));
const islands = [{ id: "Counter", path: root + "lib/fresh/testdata/islands/Counter.tsx" }];
${body}
`;

/** Runs `body` in a new process from the repo's root; returns what it printed. */
async function inProcess(
  body: string,
  env: Record<string, string> = {},
): Promise<string> {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["eval", "--ext=ts", script(body)],
    cwd: repo,
    env: { NO_COLOR: "1", ...env },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const err = new TextDecoder().decode(stderr);
  assertEquals(code, 0, err);
  return new TextDecoder().decode(stdout).trim();
}

const PRINT_BUNDLE_URL = `
const { bundle } = await import("@/lib/fresh/src/bundle.ts");
console.log((await bundle({ root, islands, dev: false })).mainUrl);
`;

/** The build-id segment of an asset URL, and its file name. */
function parts(url: string): { id: string; file: string } {
  const [id, file] = url.split("/").slice(-2);
  return { id, file };
}

Deno.test("an islands bundle made in memory is served under its own process's build id: a restarted server's URLs differ", async () => {
  const [first, restarted] = await Promise.all([
    inProcess(PRINT_BUNDLE_URL, { GITHUB_SHA: "", DENO_DEPLOYMENT_ID: "" }),
    inProcess(PRINT_BUNDLE_URL, { GITHUB_SHA: "", DENO_DEPLOYMENT_ID: "" }),
  ]);
  assert(first.startsWith("/_frsh/js/"), first);
  assertEquals(parts(first).file, parts(restarted).file, "the same code");
  assertNotEquals(parts(first).id, parts(restarted).id);
});

Deno.test("with DENO_DEPLOYMENT_ID (or GITHUB_SHA) set, every process of that deployment has the same build id", async () => {
  const [a, b, other, ci, ci2] = await Promise.all([
    inProcess(PRINT_BUNDLE_URL, { DENO_DEPLOYMENT_ID: "dep-1" }),
    inProcess(PRINT_BUNDLE_URL, { DENO_DEPLOYMENT_ID: "dep-1" }),
    inProcess(PRINT_BUNDLE_URL, { DENO_DEPLOYMENT_ID: "dep-2" }),
    inProcess(PRINT_BUNDLE_URL, { GITHUB_SHA: "abc", DENO_DEPLOYMENT_ID: "" }),
    inProcess(PRINT_BUNDLE_URL, { GITHUB_SHA: "abc", DENO_DEPLOYMENT_ID: "" }),
  ]);
  assertEquals(a, b);
  assertNotEquals(parts(a).id, parts(other).id);
  assertEquals(ci, ci2);
});

Deno.test("a server restarted from the same ahead-of-time build serves the same URLs as the build", async () => {
  const dir = await Deno.makeTempDir();
  const outDir = relative(repo, dir);
  try {
    const built = await inProcess(
      `
const { writeSnapshot } = await import("@/lib/fresh/src/assets.ts");
console.log((await writeSnapshot(root, islands, { build: { outDir: ${
        JSON.stringify(outDir)
      } } })).mainUrl);
`,
      { GITHUB_SHA: "", DENO_DEPLOYMENT_ID: "" },
    );
    const load = `
const { loadAssets } = await import("@/lib/fresh/src/assets.ts");
console.log((await loadAssets(root, islands, { build: { outDir: ${
      JSON.stringify(outDir)
    } } })).mainUrl);
`;
    const served = await Promise.all([
      inProcess(load, { GITHUB_SHA: "", DENO_DEPLOYMENT_ID: "" }),
      inProcess(load, { GITHUB_SHA: "", DENO_DEPLOYMENT_ID: "" }),
    ]);
    assertEquals(served, [built, built]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
