/** Turns the `routes/` files of the manifest into matchable routes. */
import type { RouteModule } from "./types.ts";
import { withTrailingSlash } from "./trailing_slash.ts";

/** A page or API route. */
export interface Route {
  /** The manifest key, e.g. `./routes/chats/[id].tsx`. */
  file: string;
  /** The URL pattern, e.g. `/chats/:id`. */
  pattern: string;
  urlPattern: URLPattern;
  module: RouteModule;
  /** Folder of the route with groups kept, e.g. `(app)/chats`: decides its layouts and middlewares. */
  dir: string;
}

/** Everything the routes folder declares. */
export interface RouteTable {
  routes: Route[];
  app?: RouteModule;
  notFound?: RouteModule;
  error?: RouteModule;
  /** `_layout` modules by folder (`""` is the root). */
  layouts: Map<string, RouteModule>;
  /** `_middleware` modules by folder. */
  middlewares: Map<string, RouteModule>;
}

/** Sorts, parses and validates the routes of a manifest. */
export function buildRouteTable(
  routes: Record<string, RouteModule>,
  options: { trailingSlash?: boolean } = {},
): RouteTable {
  const table: RouteTable = {
    routes: [],
    layouts: new Map(),
    middlewares: new Map(),
  };
  for (const [file, module] of Object.entries(routes)) {
    const rel = file.replace(/^\.\/routes\//, "").replace(/\.[jt]sx?$/, "");
    const parts = rel.split("/");
    const name = parts.pop()!;
    const dir = parts.join("/");
    if (name === "_app") table.app = module;
    else if (name === "_404") table.notFound = module;
    else if (name === "_500") table.error = module;
    else if (name === "_layout") table.layouts.set(dir, module);
    else if (name === "_middleware") table.middlewares.set(dir, module);
    else {
      let pattern = module.config?.routeOverride ?? pathToPattern(rel);
      if (options.trailingSlash) pattern = withTrailingSlash(pattern);
      table.routes.push({
        file,
        pattern,
        urlPattern: new URLPattern({ pathname: pattern }),
        module,
        dir,
      });
    }
  }
  table.routes.sort((a, b) => comparePatterns(a.pattern, b.pattern));
  return table;
}

/**
 * `chats/[id]/index` → `/chats/:id`; `(group)` segments vanish; `[...rest]` →
 * `:rest*`; an optional `[[name]]` segment → `{/:name}?` (Fresh 1.x's forms).
 */
export function pathToPattern(path: string): string {
  const segments = path.split("/").filter((s) => !/^\(.+\)$/.test(s));
  if (segments.at(-1) === "index") segments.pop();
  let out = "";
  for (const segment of segments) {
    const rest = segment.match(/^\[\.\.\.(\w+)\]$/);
    if (rest) {
      out += `/:${rest[1]}*`;
      continue;
    }
    const optional = segment.match(/^\[\[(\w+)\]\]$/);
    if (optional) {
      out += `{/:${optional[1]}}?`;
      continue;
    }
    if (segment.includes("[[")) {
      throw new SyntaxError(
        `Invalid route "${path}": an optional [[parameter]] must be a whole path segment`,
      );
    }
    if (segment.includes("][")) {
      throw new SyntaxError(
        `Invalid route "${path}": two parameters need something between them`,
      );
    }
    out += "/" + segment.replace(/\[(\w+)\]/g, (_, name) => `:${name}`);
  }
  return out || "/";
}

function rank(segment: string): number {
  if (segment.endsWith("*")) return 3;
  if (segment.endsWith("}?")) return 2;
  if (segment.includes(":")) return 1;
  return 0;
}

/**
 * Static segments win over params, params over optional segments, those over
 * catch-alls, left to right; of two patterns equal that far, the longer one is
 * tried first, so `/docs{/:v}?/api` is not taken for `/docs{/:v}?`.
 */
function comparePatterns(a: string, b: string): number {
  const as = segmentsOf(a), bs = segmentsOf(b);
  for (let i = 0; i < Math.max(as.length, bs.length); i++) {
    if (as[i] === undefined) return 1;
    if (bs[i] === undefined) return -1;
    const diff = rank(as[i]) - rank(bs[i]);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** `/docs{/:v}?/api` → `["", "docs", "{:v}?", "api"]`. */
function segmentsOf(pattern: string): string[] {
  return pattern.replaceAll("{/", "/{").split("/");
}

/**
 * The first route matching `url`, with its params as the URL has them
 * (escapes kept, as Fresh 1.x gives them); a missing optional segment is "".
 */
export function matchRoute(
  table: RouteTable,
  url: URL,
): { route: Route; params: Record<string, string> } | null {
  for (const route of table.routes) {
    const match = route.urlPattern.exec({ pathname: url.pathname });
    if (!match) continue;
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(match.pathname.groups)) {
      params[key] = value ?? "";
    }
    return { route, params };
  }
  return null;
}

/** The folders from the root down to `dir`: `(app)/chats` → `["", "(app)", "(app)/chats"]`. */
export function ancestorDirs(dir: string): string[] {
  const out = [""];
  if (!dir) return out;
  const parts = dir.split("/");
  for (let i = 1; i <= parts.length; i++) out.push(parts.slice(0, i).join("/"));
  return out;
}
