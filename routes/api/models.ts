import type { Handlers } from "$fresh/server.ts";
import type { AppState } from "@/lib/state.ts";
import { json } from "@/lib/http/api.ts";
import { modelsFor } from "@/lib/openrouter/models_for.ts";

export const handler = {
  /**
   * The models to choose from (cached for an hour; a built-in list when
   * OpenRouter is unreachable), asked with the person's own key when they
   * connected one.
   */
  async GET(_req, ctx) {
    const models = await modelsFor(ctx.state.services, ctx.state.owner);
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
