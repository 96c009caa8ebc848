/** The public types of the Fresh 1.x API that app code uses. */
import type { ComponentChildren, ComponentType, JSX } from "preact";

/** The context every handler, middleware and async page receives. */
export interface FreshContext<
  State = Record<string, unknown>,
  Data = unknown,
> {
  req: Request;
  url: URL;
  /** Values of `[param]` and `[...rest]` segments. */
  params: Record<string, string>;
  /** Shared by the middlewares and the handler of one request. */
  state: State;
  /** The route pattern that matched, e.g. `/chats/:id`. */
  route: string;
  /** @deprecated Fresh 1.x's old name of `route`. */
  pattern: string;
  /** Always "": the layer serves from the root (Fresh's `router.basePath` is not supported). */
  basePath: string;
  /** Whether the request asks for Partials only (`?fresh-partial`). */
  isPartial: boolean;
  remoteAddr: Deno.NetAddr;
  destination: "route" | "notFound" | "static" | "internal";
  data: Data;
  error?: unknown;
  /** The next middleware, or the route. */
  next(): Promise<Response>;
  /** Renders the route's page with `data`. */
  render(data?: Data, options?: RenderOptions): Promise<Response>;
  /** Renders `_404` with status 404. */
  renderNotFound(data?: Data): Promise<Response>;
  /** In an async `_app` or `_layout`: renders what it wraps. */
  Component: ComponentType<Record<never, never>>;
}

/** The context of an async page, layout or app (`defineRoute` and the like). */
export type RouteContext<Data = unknown, State = Record<string, unknown>> =
  Omit<FreshContext<State, Data>, "next" | "render">;

/** Options of `ctx.render()`. */
export interface RenderOptions {
  status?: number;
  statusText?: string;
  headers?: HeadersInit;
}

/** A request handler or middleware. */
export type Handler<Data = unknown, State = Record<string, unknown>> = (
  req: Request,
  ctx: FreshContext<State, Data>,
) => Response | Promise<Response>;

/** A `_middleware` handler: answers itself or calls `ctx.next()`. */
export type MiddlewareHandler<State = Record<string, unknown>> = (
  req: Request,
  ctx: FreshContext<State>,
) => Response | Promise<Response>;

/** Handlers keyed by HTTP method. */
export type Handlers<Data = unknown, State = Record<string, unknown>> = {
  [M in HttpMethod]?: Handler<Data, State>;
};

export type HttpMethod =
  | "GET"
  | "HEAD"
  | "POST"
  | "PUT"
  | "PATCH"
  | "DELETE"
  | "OPTIONS";

/** Props of a page component. */
export interface PageProps<Data = unknown, State = Record<string, unknown>> {
  url: URL;
  route: string;
  params: Record<string, string>;
  data: Data;
  state: State;
  error?: unknown;
}

/** Props of `_app` and `_layout` components: the page to wrap. */
export interface AppProps<Data = unknown, State = Record<string, unknown>>
  extends PageProps<Data, State> {
  Component: ComponentType<Record<never, never>>;
}
export type LayoutProps<Data = unknown, State = Record<string, unknown>> =
  AppProps<Data, State>;
export type ErrorPageProps = PageProps<unknown> & { error: unknown };
export type UnknownPageProps = PageProps<unknown>;

/** An async page component: `(req, ctx) => children | Response`. */
export type AsyncRoute<Data = unknown, State = Record<string, unknown>> = (
  req: Request,
  ctx: FreshContext<State, Data>,
) => Promise<ComponentChildren | Response>;

/** An async `_app` or `_layout`: `ctx.Component` is what it wraps. */
export type AsyncLayout<Data = unknown, State = Record<string, unknown>> =
  AsyncRoute<Data, State>;

/** Options of a `_layout` (`export const config`). */
export interface LayoutConfig {
  /** Leave out `_app` for the pages below. */
  skipAppWrapper?: boolean;
  /** Leave out the layouts of the folders above. */
  skipInheritedLayouts?: boolean;
}

/** Per-route options (`export const config`). */
export interface RouteConfig {
  routeOverride?: string;
  skipAppWrapper?: boolean;
  skipInheritedLayouts?: boolean;
  /** The page gets a Content-Security-Policy, set up through `useCSP()`. */
  csp?: boolean;
}

// deno-lint-ignore no-explicit-any
type Any = any;

/** A module of `routes/`. */
export interface RouteModule {
  default?: ComponentType<Any> | AsyncRoute<Any, Any>;
  handler?: Handler<Any, Any> | Handlers<Any, Any> | MiddlewareHandler<Any>[];
  config?: RouteConfig;
}

/** A module of `islands/`: each exported function is an island. */
export type IslandModule = Record<string, unknown>;

/** What `fresh.gen.ts` exports. */
export interface Manifest {
  routes: Record<string, RouteModule>;
  islands: Record<string, IslandModule>;
  baseUrl: string;
}

/** `server` of `fresh.config.ts`: what `Deno.serve` gets. */
export interface ServerOptions {
  port?: number;
  hostname?: string;
  signal?: AbortSignal;
  onListen?: (addr: Deno.NetAddr) => void;
}

/** `router` of `fresh.config.ts`. */
export interface RouterOptions {
  /** Page paths end in a slash (`/about/`); default false (`/about`). */
  trailingSlash?: boolean;
}

/** `fresh.config.ts`. */
export interface FreshConfig {
  build?: { outDir?: string; target?: string | string[] };
  staticDir?: string;
  router?: RouterOptions;
  server?: ServerOptions;
  /** @deprecated Use `server.port` instead (Fresh 1.x still reads it, over `server.port`). */
  port?: number;
  /** @deprecated Use `server.hostname` instead. */
  hostname?: string;
  /** @deprecated Use `server.signal` instead. */
  signal?: AbortSignal;
  /** @deprecated Use `server.onListen` instead. */
  onListen?: (addr: Deno.NetAddr) => void;
  /** Development mode: unminified bundles, no ahead-of-time build used. */
  dev?: boolean;
}

export type { ComponentChildren, JSX };
