/**
 * One islands bundle per test run. Every test module of one `deno test` runs
 * in the same process, so the first to start an app builds the bundle into a
 * directory named after the process id, as `deno task build` writes `_fresh/`
 * (tests/build_bundle.ts, through `$fresh/dev.ts`); the others load it as
 * `deno task start` loads `_fresh/`. Without this each module bundled the
 * islands again (about half a second each). Only Fresh's public API is used,
 * so this works on real Fresh 1.x as on lib/fresh.
 */
import { join, relative } from "node:path";
import type { FreshConfig, Manifest } from "$fresh/server.ts";
import { pollUntil } from "./poll.ts";

const PREFIX = "chatai-test-build-";
const tmp = Deno.env.get("TMPDIR") ?? "/tmp";
const dir = join(tmp, `${PREFIX}${Deno.pid}`);

let config: Promise<FreshConfig> | undefined;

/** The `createHandler` config that loads this run's shared bundle. */
export function sharedBuild(manifest: Manifest): Promise<FreshConfig> {
  config ??= prepare(manifest);
  return config;
}

function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}

async function prepare(manifest: Manifest): Promise<FreshConfig> {
  const root = new URL(".", manifest.baseUrl).pathname;
  const outDir = join(dir, "out");
  // The builder is whoever creates the directory first.
  const builder = await Deno.mkdir(dir).then(() => true, (error) => {
    if (error instanceof Deno.errors.AlreadyExists) return false;
    throw error;
  });
  if (builder) {
    await removeBuildsOfEndedRuns();
    try {
      await buildInto(root, relative(root, outDir));
      await Deno.writeTextFile(join(dir, "ready"), "");
    } catch (error) {
      await Deno.writeTextFile(join(dir, "failed"), String(error));
      throw error;
    }
  } else {
    const state = await pollUntil(
      () =>
        exists(join(dir, "ready"))
          ? "ready"
          : exists(join(dir, "failed")) && "failed",
      { what: `the shared test build in ${dir}`, timeoutMs: 60_000 },
    );
    // The builder reports its error; here the bundle is built in memory.
    if (state === "failed") return {};
  }
  return { build: { outDir: relative(root, outDir) } };
}

/** Runs tests/build_bundle.ts: the production build, into `outDir`. */
async function buildInto(root: string, outDir: string): Promise<void> {
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "tests/build_bundle.ts", "build", outDir],
    cwd: root,
    env: { NO_COLOR: "1" },
    stdout: "null",
    stderr: "piped",
  }).output();
  if (code !== 0) {
    throw new Error(
      `The test build failed (exit ${code}):\n${
        new TextDecoder().decode(stderr)
      }`,
    );
  }
}

/** Removes the builds of earlier runs whose process is gone. */
async function removeBuildsOfEndedRuns(): Promise<void> {
  // Without /proc there is no telling whether a run has ended.
  if (!exists("/proc/self")) return;
  for await (const entry of Deno.readDir(tmp)) {
    if (!entry.isDirectory || !entry.name.startsWith(PREFIX)) continue;
    const pid = entry.name.slice(PREFIX.length);
    if (pid === String(Deno.pid) || exists(`/proc/${pid}`)) continue;
    await Deno.remove(join(tmp, entry.name), { recursive: true }).catch(
      () => {},
    );
  }
}
