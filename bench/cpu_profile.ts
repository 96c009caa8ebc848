/**
 * CPU profiles of the app process through its inspector (`--inspect`): a
 * `deno run --cpu-prof` profile is only written on a clean exit, which a
 * server stopped by a signal never has. Used by a benchmark's `--profile`.
 */
import { printTable } from "./stats.ts";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A function or file and the CPU time spent in it (self), in ms. */
export interface HotSpot {
  where: string;
  selfMs: number;
  share: number;
}

/** Starts sampling the process listening for an inspector on `port`. */
export async function startProfile(port: number) {
  const [target] = await (await fetch(`http://127.0.0.1:${port}/json/list`))
    .json();
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let nextId = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    waiting.get(message.id)?.(message.result);
    waiting.delete(message.id);
  };
  const call = (method: string, params: unknown = {}) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  await call("Profiler.enable");
  await call("Profiler.setSamplingInterval", { interval: 500 });
  await call("Profiler.start");
  return {
    /** Stops; writes `bench/results/<name>.cpuprofile`; prints and returns the hot spots. */
    async stop(
      name: string,
    ): Promise<{ functions: HotSpot[]; files: HotSpot[] }> {
      const { profile } = await call("Profiler.stop") as { profile: Profile };
      socket.close();
      const file = new URL(`./results/${name}.cpuprofile`, import.meta.url);
      await Deno.writeTextFile(file, JSON.stringify(profile));
      const functions = hotSpots(profile, (f) => {
        const name = f.functionName || "(anonymous)";
        const shown = name.length > 60 ? `${name.slice(0, 57)}…` : name;
        return `${shown} ${short(f.url)}:${f.lineNumber + 1}`;
      });
      const files = hotSpots(
        profile,
        (f) => short(f.url) || f.functionName.slice(0, 60),
      );
      printTable(
        `CPU profile of the app: functions (self time), ${
          decodeURIComponent(file.pathname)
        }`,
        functions.slice(0, 20),
      );
      printTable(
        "CPU profile of the app: files (self time)",
        files.slice(0, 15),
      );
      return { functions: functions.slice(0, 40), files: files.slice(0, 30) };
    },
  };
}

function short(url: string): string {
  if (url.length > 90) url = url.slice(0, 87) + "…";
  return url.replace(/^file:\/\/.*?\/work\/main\//, "").replace(
    /^file:\/\/.*node_modules\/\.deno\//,
    "npm:",
  );
}

/** Self time per key of a node's call frame, largest first. */
function hotSpots(
  profile: Profile,
  keyOf: (frame: ProfileNode["callFrame"]) => string,
): HotSpot[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const key = keyOf(byId.get(id)!.callFrame);
    totals.set(key, (totals.get(key) ?? 0) + ms);
    all += ms;
  });
  return [...totals].sort((a, b) => b[1] - a[1]).map(([where, selfMs]) => ({
    where,
    selfMs: Math.round(selfMs),
    share: Math.round((selfMs / all) * 1000) / 10,
  }));
}
