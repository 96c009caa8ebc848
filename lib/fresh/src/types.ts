/** The public types of the Fresh 1.x API that app code uses. */
import type { ComponentChildren, ComponentType, JSX, VNode } from "preact";

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
}

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

/** An async page component: `(req, ctx) => VNode | Response`. */
export type AsyncRoute<Data = unknown, State = Record<string, unknown>> = (
  req: Request,
  ctx: FreshContext<State, Data>,
) => Promise<VNode | Response | null>;

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

/** `fresh.config.ts`. */
export interface FreshConfig {
  build?: { outDir?: string; target?: string | string[] };
  staticDir?: string;
  server?: {
    port?: number;
    hostname?: string;
    signal?: AbortSignal;
    onListen?: (addr: Deno.NetAddr) => void;
  };
  /** Development mode: unminified bundles, no ahead-of-time build used. */
  dev?: boolean;
}

export type { ComponentChildren, JSX };
