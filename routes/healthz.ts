import type { Handlers } from "$fresh/server.ts";
import type { AppState } from "@/lib/state.ts";

const text = (body: string, status: number) =>
  new Response(body, {
    status,
    headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" },
  });

export const handler = {
  /** Liveness probe for load balancers: 503 with the reason while storage takes no new data. */
  GET(_req, ctx) {
    const problem = ctx.state.services.storage.problem();
    if (problem === "low_space") return text("storage: low on space", 503);
    if (problem === "write_failed") return text("storage: writes fail", 503);
    return text("ok", 200);
  },
} satisfies Handlers<unknown, AppState>;
