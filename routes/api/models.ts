import type { Handlers } from "$fresh/server.ts";
import type { AppState } from "@/lib/state.ts";
import { json } from "@/lib/http/api.ts";

export const handler = {
  /** The models to choose from (cached for an hour; a built-in list when OpenRouter is unreachable). */
  async GET(_req, ctx) {
    const models = await ctx.state.services.models.list();
    return json({
      models: models.map(({ id, name, contextLength, pricing, free }) => ({
        id,
        name,
        contextLength,
        pricing,
        free,
      })),
    });
  },
} satisfies Handlers<unknown, AppState>;
