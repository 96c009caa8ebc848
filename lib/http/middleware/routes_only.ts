import type { FreshContext, MiddlewareHandler } from "$fresh/server.ts";

/**
 * Runs middleware `step` for pages, API routes and the 404 page only; static
 * files and island bundles go straight on.
 */
export function routesOnly<State>(
  step: MiddlewareHandler<State>,
): MiddlewareHandler<State> {
  return (req: Request, ctx: FreshContext<State>) =>
    ctx.destination === "route" || ctx.destination === "notFound"
      ? step(req, ctx)
      : ctx.next();
}
