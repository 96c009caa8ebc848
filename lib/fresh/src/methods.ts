/**
 * Which handler answers which HTTP method, as Fresh 1.x completes a route's
 * handlers: a `handler` function answers every method; a `handler` object
 * answers the methods it names, plus GET (rendering the page) when the route
 * has a page and names no GET, plus HEAD when it has a GET; any other method
 * is 405 Method Not Allowed with an `Allow` header listing those methods.
 */
import type { Handler, Handlers, HttpMethod, RouteModule } from "./types.ts";

const KNOWN: readonly string[] = [
  "GET",
  "HEAD",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
  "OPTIONS",
] satisfies HttpMethod[];

const renderPage: Handler = (_req, ctx) => ctx.render();

/** The methods a route with a `handler` object (or none) answers, each with its handler. */
export function methodHandlers(module: RouteModule): Handlers {
  const methods: Handlers = {};
  for (const [method, fn] of Object.entries(module.handler ?? {})) {
    if (KNOWN.includes(method)) methods[method as HttpMethod] = fn;
  }
  if (module.default && !methods.GET) methods.GET = renderPage;
  // HEAD answers as GET does; the dispatcher drops the body of every HEAD.
  if (methods.GET && !methods.HEAD) methods.HEAD = methods.GET;
  return methods;
}

/** The route module's handler for `req`, or a 405 answer naming the allowed methods. */
export function handlerFor(
  module: RouteModule,
  file: string,
  method: string,
): Handler {
  const handler = module.handler;
  if (Array.isArray(handler)) {
    throw new Error(`${file}: a route handler cannot be an array`);
  }
  if (typeof handler === "function") return handler;
  const methods = methodHandlers(module);
  // Case matters, as in Fresh: `fetch` upper-cases GET or POST, not PATCH.
  const fn = methods[method as HttpMethod];
  if (fn) return fn;
  const allow = Object.keys(methods).join(", ");
  return () => new Response(null, { status: 405, headers: { Allow: allow } });
}
