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
import { compressResponse } from "./compress.ts";
import { ASSET_PREFIX, type BuildAssets } from "./build_assets.ts";
import { loadAssets } from "./assets.ts";
import { dirname, fromFileUrl, join } from "./path.ts";
import type {
  FreshConfig,
  FreshContext,
  Handler,
  Handlers,
  HttpMethod,
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
  );
  const bundles = new StaticFiles();
  for (const [path, data] of assets.files) bundles.add(path, data);
  const table = buildRouteTable(manifest.routes);
  const dispatcher = new Dispatcher(table, assets, staticFiles, bundles);
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

class Dispatcher {
  constructor(
    readonly table: RouteTable,
    readonly assets: BuildAssets,
    readonly staticFiles: StaticFiles,
    readonly bundles: StaticFiles,
  ) {}

  async handle(req: Request, info?: Deno.ServeHandlerInfo): Promise<Response> {
    const url = new URL(req.url);
    const readOnly = req.method === "GET" || req.method === "HEAD";
    const ctx = this.#context(req, url, info);
    let final: () => Promise<Response>;
    let dir = "";
    if (url.pathname.startsWith(ASSET_PREFIX)) {
      ctx.destination = "internal";
      final = async () =>
        (await this.bundles.serve(req, url, true)) ?? notFoundText();
    } else if (readOnly && this.staticFiles.has(url.pathname)) {
      ctx.destination = "static";
      final = async () => (await this.staticFiles.serve(req, url))!;
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
        final = () => ctx.renderNotFound();
      }
    }
    const chain = ancestorDirs(dir).flatMap((d) =>
      toHandlers(this.table.middlewares.get(d)?.handler)
    );
    let i = 0;
    // As in Fresh 1.x, an error of a later middleware or of the route (thrown
    // synchronously or not) rejects `ctx.next()`, so a middleware awaiting it
    // can answer instead; only an error no middleware handles renders _500.
    ctx.next = () => {
      const middleware = chain[i++];
      try {
        return middleware ? Promise.resolve(middleware(req, ctx)) : final();
      } catch (error) {
        return Promise.reject(error);
      }
    };
    try {
      const response = await ctx.next();
      return req.method === "HEAD" && response.body
        ? new Response(null, response)
        : compressResponse(req, response);
    } catch (error) {
      return this.#renderError(req, ctx, error);
    }
  }

  #context(req: Request, url: URL, info?: Deno.ServeHandlerInfo): FreshContext {
    const ctx: FreshContext = {
      req,
      url,
      params: {},
      state: {},
      route: "",
      remoteAddr: (info?.remoteAddr as Deno.NetAddr) ?? NO_ADDR,
      destination: "route",
      data: undefined,
      next: () => Promise.resolve(notFoundText()),
      render: () => Promise.reject(new Error("Nothing to render here")),
      renderNotFound: (data?: unknown) => {
        ctx.data = data;
        return this.#renderSpecial(ctx, this.table.notFound, 404, notFoundText);
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
    const handler = module.handler;
    if (typeof handler === "function") {
      return Promise.resolve(handler(req, ctx));
    }
    if (Array.isArray(handler)) {
      throw new Error(`${route.file}: a route handler cannot be an array`);
    }
    const method = req.method.toUpperCase() as HttpMethod;
    const methods: Handlers = handler ??
      (module.default ? { GET: (_r, c) => c.render() } : {});
    const fn = methods[method] ?? (method === "HEAD" ? methods.GET : undefined);
    if (fn) return Promise.resolve(fn(req, ctx));
    const allow = Object.keys(methods);
    if (allow.includes("GET")) allow.push("HEAD");
    return Promise.resolve(
      new Response("Method not allowed", {
        status: 405,
        headers: { Allow: allow.join(", ") },
      }),
    );
  }

  async #renderSpecial(
    ctx: FreshContext,
    module: RouteModule | undefined,
    status: number,
    fallback: () => Response,
  ): Promise<Response> {
    if (!module?.default) return fallback();
    return await renderPage({
      table: this.table,
      module,
      ctx,
      assets: this.assets,
      options: { status },
    });
  }

  async #renderError(
    req: Request,
    ctx: FreshContext,
    error: unknown,
  ): Promise<Response> {
    // Control characters escaped: the error's message may quote the request.
    const text = error instanceof Error ? error.stack ?? String(error) : error;
    console.error(
      `Error while answering ${req.method} ${ctx.url.pathname}:`,
      String(text).replace(
        // deno-lint-ignore no-control-regex
        /[\x00-\x09\x0b-\x1f\x7f\u2028\u2029]|\n(?!\s+at )/g,
        (c) => JSON.stringify(c).slice(1, -1),
      ),
    );
    ctx.error = error;
    try {
      return await this.#renderSpecial(
        ctx,
        this.table.error,
        500,
        internalErrorText,
      );
    } catch (renderError) {
      console.error("Error while rendering the error page:", renderError);
      return internalErrorText();
    }
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

function notFoundText(): Response {
  return new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

function internalErrorText(): Response {
  return new Response("Internal server error", {
    status: 500,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}
