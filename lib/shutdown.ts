/**
 * The graceful stop of the server on SIGTERM and SIGINT. First the running
 * work stops: no new answer starts, every running answer is saved with its
 * text and marked interrupted at once (no grace period for answers to
 * finish, so a stop is quick and predictable; the user can regenerate), and
 * its watchers get `error` and `done`. After `drainMs` for those last
 * events to reach the sockets, the returned signal, given to the server
 * (`fresh.config.ts` `server.signal`, which Fresh and `Deno.serve` take),
 * stops it (aborting it cuts streaming responses at once, hence this
 * order); then KV closes and the process ends with exit code 0. If anything
 * hangs it is ended after `forceExitMs`.
 */

/** What a stop does. */
export interface ShutdownOptions {
  /** Saves and ends the running work; its streams end. */
  stopWork(): Promise<void>;
  /** Closes storage and the rest, once the server has stopped. */
  close(): Promise<void>;
  /** Time for the last events to be sent before the server stops; default 300 ms. */
  drainMs?: number;
  /** Longest wait before the process is ended anyway; default 10 s. */
  forceExitMs?: number;
  signals?: Deno.Signal[];
}

/** Installs the signal listeners; returns the signal that stops the server. */
export function stopOnSignals(options: ShutdownOptions): AbortSignal {
  const server = new AbortController();
  let stopping = false;
  const stop = async (name: Deno.Signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`chatai: ${name} received, stopping`);
    const force = setTimeout(() => {
      console.error("chatai: the stop took too long; exiting now");
      Deno.exit(0);
    }, options.forceExitMs ?? 10_000);
    Deno.unrefTimer(force);
    try {
      await options.stopWork();
      await new Promise((resolve) =>
        setTimeout(resolve, options.drainMs ?? 300)
      );
      server.abort();
      await options.close();
    } catch (error) {
      console.error("chatai: could not close cleanly:", error);
      server.abort();
    }
    for (const [signal, listener] of listeners) {
      Deno.removeSignalListener(signal, listener);
    }
  };
  const listeners: [Deno.Signal, () => void][] = [];
  for (const signal of options.signals ?? ["SIGTERM", "SIGINT"]) {
    const listener = () => void stop(signal);
    try {
      Deno.addSignalListener(signal, listener);
      listeners.push([signal, listener]);
    } catch { /* not a signal of this platform (Windows: SIGTERM) */ }
  }
  return server.signal;
}
