/** The tables of the many-streams benchmark, and its KV write counts. */
import type { LoggedWrite } from "./kv_writes.ts";
import { printTable, summarize, type Summary } from "./stats.ts";

/** The figures many_streams.ts measured. */
export interface StreamFigures {
  streams: number;
  wallSeconds: number;
  maxConcurrentStreams: number;
  streamErrors: number;
  doneWithin: { seconds: number; streams: number };
  savedComplete: number;
  idleRssMB: number;
  peakRssMB: number;
  peakRssMiB: number;
  peakThreads: number;
  cpuSeconds: { app: number; fake: number; client: number };
  timeToHeadersMs: Summary;
  timeToFirstDeltaMs: Summary;
  firstToLastDeltaSeconds: Summary;
  lastDeltaToDoneSeconds: Summary;
  streamSeconds: Summary;
}

/** Prints the run's tables; returns the KV figures derived from `writes`. */
export function report(
  f: StreamFigures,
  writes: LoggedWrite[],
  generations: number,
) {
  printTable(`${f.streams} concurrent generations`, [
    { figure: "most streams open at once", value: f.maxConcurrentStreams },
    { figure: "wall time (s)", value: f.wallSeconds },
    { figure: "streams with errors", value: f.streamErrors },
    {
      figure: `streams done within ${f.doneWithin.seconds} s`,
      value: f.doneWithin.streams,
    },
    { figure: "answers saved complete (API)", value: f.savedComplete },
    { figure: "server RSS idle (MB)", value: f.idleRssMB },
    { figure: "server RSS peak (MB)", value: f.peakRssMB },
    { figure: "server RSS peak (MiB)", value: f.peakRssMiB },
    { figure: "server threads peak", value: f.peakThreads },
    { figure: "CPU s: app", value: f.cpuSeconds.app },
    { figure: "CPU s: fake upstream", value: f.cpuSeconds.fake },
    { figure: "CPU s: client", value: f.cpuSeconds.client },
  ]);
  printTable("Per stream", [
    { what: "request → headers (ms)", ...f.timeToHeadersMs },
    { what: "request → first delta (ms)", ...f.timeToFirstDeltaMs },
    { what: "first → last delta (s)", ...f.firstToLastDeltaSeconds },
    { what: "last delta → done (s)", ...f.lastDeltaToDoneSeconds },
    { what: "request → done (s)", ...f.streamSeconds },
  ]);

  if (writes.length === 0) return undefined;
  // One version per atomic commit; a commit may touch several kinds of keys.
  const commits = new Map<number, Set<string>>();
  const recordCommits = new Map<string, Set<number>>();
  for (const w of writes) {
    const kind = w.key[0] ?? "?";
    commits.set(w.version, (commits.get(w.version) ?? new Set()).add(kind));
    if (kind === "messages") {
      const id = JSON.stringify(w.key);
      recordCommits.set(
        id,
        (recordCommits.get(id) ?? new Set()).add(w.version),
      );
    }
  }
  const byKind = new Map<string, number>();
  for (const kinds of commits.values()) {
    for (const kind of kinds) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  }
  // Per chat, the message written most often is the answer.
  const perChat = new Map<string, number>();
  for (const [id, versions] of recordCommits) {
    const chat = JSON.parse(id)[2] as string;
    perChat.set(chat, Math.max(perChat.get(chat) ?? 0, versions.size));
  }
  const answerWrites = summarize([...perChat.values()]);
  // A flush per second while tokens arrive, plus the placeholder and the final write.
  const boundPerAnswer = Math.ceil(f.firstToLastDeltaSeconds.max) + 2;
  const kv = {
    commits: commits.size,
    rowWrites: writes.length,
    commitsPerGeneration: commits.size / generations,
    commitsTouchingPerGeneration: Object.fromEntries(
      [...byKind].sort((a, b) => b[1] - a[1]).map((
        [k, n],
      ) => [k, n / generations]),
    ),
    answerRecordCommits: answerWrites,
    boundPerAnswer,
  };
  printTable("KV commits (SQLite triggers on the KV file)", [
    { figure: "commits in the run", value: kv.commits },
    { figure: "row writes in the run", value: kv.rowWrites },
    { figure: "commits per generation", value: kv.commitsPerGeneration },
    ...Object.entries(kv.commitsTouchingPerGeneration).map(([k, n]) => ({
      figure: `  touching ${k}/… per generation`,
      value: n,
    })),
    { figure: "answer record commits p50", value: answerWrites.p50 },
    { figure: "answer record commits max", value: answerWrites.max },
    {
      figure: "bound: longest token stream (s) / 1 s + 2",
      value: boundPerAnswer,
    },
  ]);
  return kv;
}
