import type { FreshContext } from "$fresh/server.ts";
import { getServices } from "@/lib/app.ts";
import type { AppState } from "@/lib/state.ts";

/** Middleware step: hands the app's services (config, store, runner…) to later steps and the route. */
export async function provideServices(
  _req: Request,
  ctx: FreshContext<AppState>,
): Promise<Response> {
  ctx.state.services = await getServices();
  return await ctx.next();
}
