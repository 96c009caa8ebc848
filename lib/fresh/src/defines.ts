/**
 * Fresh 1.x's `defineRoute`, `defineLayout` and `defineApp`: a page, layout
 * or app written as `(req, ctx) => children | Response`. Each returns an async
 * component, which the renderer calls with the request and the route context
 * (see page_tree.ts); a plain function is wrapped so it is called that way too.
 */
import type { ComponentChildren } from "preact";
import type { AsyncLayout, AsyncRoute, RouteContext } from "./types.ts";
import { isAsyncComponent } from "./page_tree.ts";

/** What a `define*` helper takes. */
export type RouteFunction<State> = (
  req: Request,
  ctx: RouteContext<void, State>,
) => ComponentChildren | Response | Promise<ComponentChildren | Response>;

function asAsync<State>(
  fn: RouteFunction<State>,
): AsyncRoute<void, State> {
  if (isAsyncComponent(fn)) return fn as AsyncRoute<void, State>;
  // deno-lint-ignore require-await
  return async (req, ctx) => fn(req, ctx);
}

/** A page as `(req, ctx) => children | Response`, e.g. one that awaits its data. */
export function defineRoute<State = Record<string, unknown>>(
  fn: RouteFunction<State>,
): AsyncRoute<void, State> {
  return asAsync(fn);
}

/** A `_layout` as `(req, ctx) => children | Response`; `<ctx.Component />` is the page. */
export function defineLayout<State = Record<string, unknown>>(
  fn: RouteFunction<State>,
): AsyncLayout<void, State> {
  return asAsync(fn);
}

/** An `_app` as `(req, ctx) => children | Response`; `<ctx.Component />` is the page. */
export function defineApp<State = Record<string, unknown>>(
  fn: RouteFunction<State>,
): AsyncLayout<void, State> {
  return asAsync(fn);
}
