/**
 * Runs the store's garbage collection at start and then periodically, so
 * that deletions and imports cut short by a crash or restart do not keep
 * their data forever. A second run follows once the leases of imports a
 * killed predecessor was writing have run out.
 */

import { IMPORT_LEASE_MS } from "./import_state.ts";

/** What the collector needs of the store. */
export interface CollectingStore {
  collectGarbage(): Promise<number>;
}

/** Options of startGarbageCollector. */
export interface CollectorOptions {
  /** Time between runs; one hour unless given. */
  intervalMs?: number;
  /**
   * A second run this long after the start, once the leases of imports a
   * killed predecessor left have run out; 31 s unless given.
   */
  afterStartMs?: number;
  /** Told about a failed run; the next run is tried as planned. */
  onError?: (error: unknown) => void;
}

/** A running collector; `stop()` ends it once the run in progress is done. */
export interface GarbageCollector {
  /** Resolves when the run in progress (if any) is done. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

// An import's lease (IMPORT_LEASE_MS) and a second to spare.
const AFTER_START_MS = IMPORT_LEASE_MS + 1_000;

/** Default time between garbage collections. */
export const GARBAGE_INTERVAL_MS = 3_600_000;

/** Starts collecting garbage now and every `intervalMs`. */
export function startGarbageCollector(
  store: CollectingStore,
  options: CollectorOptions = {},
): GarbageCollector {
  const onError = options.onError ??
    ((error) => console.error("Garbage collection failed:", error));
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = () => {
    if (stopped) return;
    running = running.then(async () => {
      try {
        await store.collectGarbage();
      } catch (error) {
        onError(error);
      }
    });
  };
  const timer = setInterval(run, options.intervalMs ?? GARBAGE_INTERVAL_MS);
  const second = setTimeout(run, options.afterStartMs ?? AFTER_START_MS);
  // A process with nothing else to do may exit between runs.
  Deno.unrefTimer(timer);
  Deno.unrefTimer(second);
  run();
  return {
    idle: () => running,
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(second);
      await running;
    },
  };
}
