/** Turns the `routes/` files of the manifest into matchable routes. */
import type { RouteModule } from "./types.ts";

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
      const pattern = module.config?.routeOverride ?? pathToPattern(rel);
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

/** `chats/[id]/index` → `/chats/:id`; `(group)` segments vanish; `[...rest]` → `:rest*`. */
export function pathToPattern(path: string): string {
  const segments = path.split("/").filter((s) =>
    s !== "index" && !/^\(.+\)$/.test(s)
  );
  const out = segments.map((segment) => {
    const rest = segment.match(/^\[\.\.\.(\w+)\]$/);
    if (rest) return `:${rest[1]}*`;
    return segment.replace(/\[(\w+)\]/g, (_, name) => `:${name}`);
  });
  return "/" + out.join("/");
}

function rank(segment: string): number {
  if (segment.endsWith("*")) return 2;
  if (segment.includes(":")) return 1;
  return 0;
}

/** Static segments win over params, params over catch-alls, left to right. */
function comparePatterns(a: string, b: string): number {
  const as = a.split("/"), bs = b.split("/");
  for (let i = 0; i < Math.max(as.length, bs.length); i++) {
    if (as[i] === undefined) return -1;
    if (bs[i] === undefined) return 1;
    const diff = rank(as[i]) - rank(bs[i]);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The first route matching `url`, with its params decoded. */
export function matchRoute(
  table: RouteTable,
  url: URL,
): { route: Route; params: Record<string, string> } | null {
  for (const route of table.routes) {
    const match = route.urlPattern.exec({ pathname: url.pathname });
    if (!match) continue;
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(match.pathname.groups)) {
      if (value === undefined) continue;
      try {
        params[key] = decodeURIComponent(value);
      } catch {
        return null;
      }
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
