/**
 * The Fresh 1.x server API that app code imports as `$fresh/server.ts`:
 * `start()`, `createHandler()`, `defineConfig()`, `defineRoute()`,
 * `defineLayout()`, `defineApp()` and the route types.
 */
import { createHandler as create, type ServeHandler } from "./src/handler.ts";
import type { FreshConfig, Manifest } from "./src/types.ts";
import { MissingBuildError } from "./src/assets.ts";
import { serve, serverOptions } from "./src/serve.ts";

export { defineApp, defineLayout, defineRoute } from "./src/defines.ts";
export type { RouteFunction } from "./src/defines.ts";
export type {
  AppProps,
  AsyncLayout,
  AsyncRoute,
  ErrorPageProps,
  FreshConfig,
  FreshContext,
  Handler,
  Handlers,
  LayoutConfig,
  LayoutProps,
  Manifest,
  MiddlewareHandler,
  PageProps,
  RouteConfig,
  RouteContext,
  RouterOptions,
  ServerOptions,
  UnknownPageProps,
} from "./src/types.ts";
export type { ServeHandler };

/** Returns `config` typed, for `fresh.config.ts`. */
export function defineConfig(config: FreshConfig): FreshConfig {
  return config;
}

/** Builds the request handler of the app described by `manifest`. */
export function createHandler(
  manifest: Manifest,
  config: FreshConfig = {},
): Promise<ServeHandler> {
  return create(manifest, withMode(config));
}

/** `deno task dev` runs the app through dev.ts, which asks for development mode. */
function withMode(config: FreshConfig): FreshConfig {
  const dev = config.dev ??
    !!(globalThis as { __FRSH_DEV?: boolean }).__FRSH_DEV;
  return { ...config, dev };
}

/**
 * Serves the app on `config.server`'s port, else `PORT` from the environment,
 * else the first free port from 8000; on all interfaces unless
 * `config.server.hostname` says otherwise.
 */
export async function start(
  manifest: Manifest,
  config: FreshConfig = {},
): Promise<void> {
  const handler = await create(manifest, withMode(config)).catch((error) => {
    if (!(error instanceof MissingBuildError)) throw error;
    console.error(`The app cannot start: ${error.message}`);
    Deno.exit(1);
  });
  const server = serverOptions(config);
  await serve(handler, {
    ...server,
    onListen: server.onListen ?? ((addr) => {
      const host = addr.hostname === "0.0.0.0" ? "localhost" : addr.hostname;
      console.log(`chatai listening on http://${host}:${addr.port}/`);
    }),
  });
}
