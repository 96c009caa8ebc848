/**
 * The graceful stop of the server on SIGTERM and SIGINT: the returned
 * signal, given to the server (`fresh.config.ts` `server.signal`, which
 * Fresh and `Deno.serve` take), stops it accepting connections; then the
 * app's services close: every running answer is saved with its text and
 * marked interrupted at once (no grace period for answers to finish, so a
 * stop is quick and predictable; the user can regenerate), its watchers get
 * `error` and `done`, and KV closes. The server finishes the responses in
 * flight and the process ends with exit code 0; if anything hangs it is
 * ended after `forceExitMs`.
 */

/** What a stop does. */
export interface ShutdownOptions {
  /** Saves and ends the running work, then closes storage. */
  close(): Promise<void>;
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
    server.abort();
    try {
      await options.close();
    } catch (error) {
      console.error("chatai: could not close cleanly:", error);
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
