/**
 * Listening as Fresh 1.x's `start()` does: the configured `server.port`, else
 * `PORT` from the environment, else the first free port from 8000 to 8019
 * (so a second app in development takes 8001 rather than failing).
 */
import type { FreshConfig, ServerOptions } from "./types.ts";

/** What `Deno.serve` gets, besides the handler. */
export type ServeOptions = ServerOptions;

/** `config.server` with the deprecated top-level options laid over it, as Fresh 1.x does. */
export function serverOptions(config: FreshConfig): ServeOptions {
  const server: ServeOptions = { ...config.server };
  if (config.port) server.port = config.port;
  if (config.hostname) server.hostname = config.hostname;
  if (config.signal) server.signal = config.signal;
  if (config.onListen) server.onListen = config.onListen;
  return server;
}

const FIRST_PORT = 8000;
const LAST_PORT = 8019;

/** The port to listen on, or undefined to look for a free one from 8000. */
export function configuredPort(
  server: ServeOptions,
  env: (name: string) => string | undefined = (name) => Deno.env.get(name),
): number | undefined {
  if (server.port !== undefined) return server.port;
  const port = parseInt(env("PORT") ?? "", 10);
  return Number.isNaN(port) ? undefined : port;
}

/** Serves `handler` until the server's signal aborts it. */
export async function serve(
  handler: Deno.ServeHandler,
  server: ServeOptions,
): Promise<void> {
  const base = { ...server, hostname: server.hostname ?? "0.0.0.0" };
  const port = configuredPort(server);
  if (port !== undefined) {
    await Deno.serve({ ...base, port }, handler).finished;
    return;
  }
  for (let candidate = FIRST_PORT;; candidate++) {
    let running: Deno.HttpServer;
    try {
      running = Deno.serve({ ...base, port: candidate }, handler);
    } catch (error) {
      if (error instanceof Deno.errors.AddrInUse && candidate < LAST_PORT) {
        continue;
      }
      throw error;
    }
    await running.finished;
    return;
  }
}
