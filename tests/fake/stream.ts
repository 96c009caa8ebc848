/**
 * Writes a {@link StreamPlan} as a response body the way a real upstream
 * does at its worst: bytes cut at random offsets, keep-alive comments before
 * and between events, and a timely end when the client goes away.
 */
import { splitBytes } from "./random.ts";
import type { StreamPlan } from "./scenarios.ts";

/** How the writer behaves; shared by every response of one fake server. */
export interface WriterOptions {
  random: () => number;
  /** Largest piece written at once, in bytes. */
  maxPiece: number;
  comments: boolean;
  /** A wait longer than this sends a keep-alive comment. */
  commentIntervalMs: number;
  /** Line ending of the SSE text. */
  eol: "\n" | "\r\n" | "\r";
  /** Aborted when the server closes: the stream then ends at once. */
  serverSignal: AbortSignal;
  /** The request's signal: Deno aborts it when the client disconnects. */
  clientSignal: AbortSignal;
  /** Called once: the body was fully written, or the client went away. */
  onEnd: (how: "finished" | "closed_by_client") => void;
}

const COMMENT = ": OPENROUTER PROCESSING\n\n";
const encoder = new TextEncoder();

/** The response body for `plan`. */
export function sseBody(
  plan: StreamPlan,
  options: WriterOptions,
): ReadableStream<Uint8Array> {
  const comments = plan.comments ?? options.comments;
  const stop = new AbortController();
  const onServerClose = () => stop.abort();
  const onClientClose = () => end("closed_by_client");
  options.serverSignal.addEventListener("abort", onServerClose, { once: true });
  options.clientSignal.addEventListener("abort", onClientClose, { once: true });
  let ended = false;
  const end = (how: "finished" | "closed_by_client") => {
    if (ended) return;
    ended = true;
    options.serverSignal.removeEventListener("abort", onServerClose);
    options.clientSignal.removeEventListener("abort", onClientClose);
    stop.abort();
    options.onEnd(how);
  };

  let start = performance.now();
  let heldSince: number | undefined;
  const pieces: Uint8Array[] = [];
  let index = 0;
  const push = (text: string) => {
    const bytes = encoder.encode(
      options.eol === "\n" ? text : text.replaceAll("\n", options.eol),
    );
    pieces.push(...splitBytes(bytes, options.random, options.maxPiece));
  };
  if (comments) push(COMMENT);

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        while (pieces.length === 0) {
          if (stop.signal.aborted) throw stop.signal.reason;
          if (index >= plan.steps.length) {
            if (plan.after === "stall") await sleep(Infinity, stop.signal);
            controller.close();
            end("finished");
            return;
          }
          const step = plan.steps[index];
          if (step.gate) {
            heldSince ??= performance.now();
            const interval = comments ? options.commentIntervalMs : Infinity;
            if (!await settlesWithin(step.gate, interval, stop.signal)) {
              push(COMMENT);
              continue;
            }
            start += performance.now() - heldSince;
            heldSince = undefined;
          }
          const wait = start + step.at - performance.now();
          if (wait > 0) {
            if (comments && wait > options.commentIntervalMs) {
              await sleep(options.commentIntervalMs, stop.signal);
              push(COMMENT);
              continue;
            }
            await sleep(wait, stop.signal);
          }
          index++;
          const between = comments && index > 1 && options.random() < 0.15;
          push((between ? COMMENT : "") + step.text());
        }
        controller.enqueue(pieces.shift()!);
      } catch {
        // The client left (cancel ran) or the server is closing: end quietly.
        if (!ended) end("finished");
        try {
          controller.close();
        } catch {
          // Already cancelled.
        }
      }
    },
    cancel() {
      end("closed_by_client");
    },
  }, { highWaterMark: 0 });
}

/** Whether `gate` settles within `ms`; rejects when `signal` aborts first. */
async function settlesWithin(
  gate: Promise<unknown>,
  ms: number,
  signal: AbortSignal,
): Promise<boolean> {
  const tick = new AbortController();
  try {
    return await Promise.race([
      gate.then(() => true, () => true),
      sleep(ms, AbortSignal.any([signal, tick.signal])).then(() => false),
    ]);
  } finally {
    tick.abort();
  }
}

/** Resolves after `ms` (never, for Infinity) unless `signal` aborts first. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = Number.isFinite(ms) ? setTimeout(done, ms) : undefined;
    function done() {
      signal.removeEventListener("abort", abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(signal.reason);
    }
    signal.addEventListener("abort", abort, { once: true });
  });
}
