/** Turns a manifest into a request handler: assets, static files, middlewares, routes. */
import { registerIslands } from "./islands.ts";
import { renderPage } from "./render.ts";
import {
  ancestorDirs,
  buildRouteTable,
  matchRoute,
  type Route,
  type RouteTable,
} from "./router.ts";
import { StaticFiles } from "./static_files.ts";
import { handlerFor } from "./methods.ts";
import { ErrorPages, notFoundText } from "./error_pages.ts";
import { collapseSlashes, slashRedirect } from "./trailing_slash.ts";
import { compressResponse } from "./compress.ts";
import { ASSET_PREFIX, type BuildAssets } from "./build_assets.ts";
import { loadAssets } from "./assets.ts";
import { dirname, fromFileUrl, join } from "./path.ts";
import type {
  FreshConfig,
  FreshContext,
  Handler,
  Manifest,
  RenderOptions,
  RouteModule,
} from "./types.ts";

/** A handler for `Deno.serve`. */
export type ServeHandler = (
  req: Request,
  info?: Deno.ServeHandlerInfo,
) => Promise<Response>;

/** Builds (or loads) the islands bundle and returns the app's request handler. */
export async function createHandler(
  manifest: Manifest,
  config: FreshConfig = {},
): Promise<ServeHandler> {
  const root = dirname(fromFileUrl(manifest.baseUrl));
  const islands = Object.entries(manifest.islands).map(([file, module]) => ({
    id: islandId(file),
    path: join(root, file),
    module,
  }));
  registerIslands(islands);
  const assets = await loadAssets(root, islands, config);
  (globalThis as { __FRSH_BUILD_ID?: string }).__FRSH_BUILD_ID = assets.buildId;
  const staticFiles = await StaticFiles.load(
    join(root, config.staticDir ?? "static"),
    assets.buildId,
  );
  const bundles = new StaticFiles();
  for (const [path, data] of assets.files) bundles.add(path, data);
  const trailingSlash = config.router?.trailingSlash ?? false;
  const table = buildRouteTable(manifest.routes, { trailingSlash });
  const dispatcher = new Dispatcher({
    table,
    assets,
    staticFiles,
    bundles,
    trailingSlash,
  });
  return (req, info) => dispatcher.handle(req, info);
}

/** `./islands/chat/Composer.tsx` → `chat_Composer`. */
export function islandId(file: string): string {
  return file.replace(/^\.\/islands\//, "").replace(/\.[jt]sx?$/, "")
    .replace(/[^\w]/g, "_");
}

const NO_ADDR: Deno.NetAddr = {
  transport: "tcp",
  hostname: "0.0.0.0",
  port: 0,
};

interface DispatcherOptions {
  table: RouteTable;
  assets: BuildAssets;
  staticFiles: StaticFiles;
  bundles: StaticFiles;
  trailingSlash: boolean;
}

class Dispatcher {
  readonly table: RouteTable;
  readonly assets: BuildAssets;
  readonly staticFiles: StaticFiles;
  readonly bundles: StaticFiles;
  readonly trailingSlash: boolean;
  readonly pages: ErrorPages;

  constructor(options: DispatcherOptions) {
    ({
      table: this.table,
      assets: this.assets,
      staticFiles: this.staticFiles,
      bundles: this.bundles,
      trailingSlash: this.trailingSlash,
    } = options);
    this.pages = new ErrorPages(this.table, this.assets);
  }

  async handle(req: Request, info?: Deno.ServeHandlerInfo): Promise<Response> {
    const url = new URL(req.url);
    // Collapsed first, so a redirect below never starts with `//` (another host).
    url.pathname = collapseSlashes(url.pathname);
    const redirect = slashRedirect(url, this.trailingSlash);
    if (redirect) return redirect;
    const readOnly = req.method === "GET" || req.method === "HEAD";
    const ctx = this.#context(req, url, info);
    let final: () => Promise<Response>;
    let dir = "";
    if (url.pathname.startsWith(ASSET_PREFIX)) {
      ctx.destination = "internal";
      final = async () =>
        (await this.bundles.serve(req, url, true)) ?? notFoundText();
    } else if (this.staticFiles.has(url.pathname)) {
      // As in Fresh, a static file's path answers GET and HEAD only.
      ctx.destination = "static";
      final = async () =>
        readOnly
          ? (await this.staticFiles.serve(req, url))!
          : new Response(null, {
            status: 405,
            headers: { Allow: "GET, HEAD" },
          });
    } else {
      const match = matchRoute(this.table, url);
      if (match) {
        ctx.destination = "route";
        ctx.params = match.params;
        ctx.route = match.route.pattern;
        dir = match.route.dir;
        final = () => this.#runRoute(req, ctx, match.route);
      } else {
        ctx.destination = "notFound";
        final = () => this.pages.answer(req, ctx, 404);
      }
    }
    const chain = ancestorDirs(dir).flatMap((d) =>
      toHandlers(this.table.middlewares.get(d)?.handler)
    );
    let i = 0;
    // As in Fresh 1.x, an error of a later middleware or of the route (thrown
    // synchronously or not) rejects `ctx.next()`, so a middleware awaiting it
    // can answer instead; only an error no middleware handles renders _500.
    // A `Deno.errors.NotFound` thrown synchronously by a middleware or a
    // handler renders _404 instead; Fresh 1.x does not catch it once it is
    // a rejected promise (an async handler's), which stays a 500.
    ctx.next = () => {
      const middleware = chain[i++];
      try {
        return middleware ? Promise.resolve(middleware(req, ctx)) : final();
      } catch (error) {
        if (error instanceof Deno.errors.NotFound) return ctx.renderNotFound();
        return Promise.reject(error);
      }
    };
    try {
      const response = await ctx.next();
      return req.method === "HEAD" && response.body
        ? new Response(null, response)
        : compressResponse(req, response);
    } catch (error) {
      return this.pages.failed(req, ctx, error);
    }
  }

  #context(req: Request, url: URL, info?: Deno.ServeHandlerInfo): FreshContext {
    const ctx: FreshContext = {
      req,
      url,
      params: {},
      state: {},
      route: "",
      get pattern() {
        return ctx.route;
      },
      basePath: "",
      isPartial: url.searchParams.has("fresh-partial"),
      remoteAddr: (info?.remoteAddr as Deno.NetAddr) ?? NO_ADDR,
      destination: "route",
      data: undefined,
      next: () => Promise.resolve(notFoundText()),
      Component: () => null,
      render: () => Promise.reject(new Error("Nothing to render here")),
      renderNotFound: (data?: unknown) => {
        ctx.data = data;
        return this.pages.render(ctx, 404);
      },
    };
    return ctx;
  }

  #runRoute(req: Request, ctx: FreshContext, route: Route): Promise<Response> {
    const module = route.module;
    ctx.render = (data?: unknown, options?: RenderOptions) => {
      ctx.data = data;
      return renderPage({
        table: this.table,
        module,
        route,
        ctx,
        assets: this.assets,
        options,
      });
    };
    return Promise.resolve(
      handlerFor(module, route.file, req.method)(req, ctx),
    );
  }
}

function toHandlers(handler: RouteModule["handler"]): Handler[] {
  if (!handler) return [];
  if (Array.isArray(handler)) return handler;
  if (typeof handler === "function") return [handler];
  throw new Error(
    "A _middleware must export a handler function or an array of them",
  );
}
