import type { Handlers } from "$fresh/server.ts";
import type { AppState } from "@/lib/state.ts";
import { json } from "@/lib/http/api.ts";
import { listModels } from "@/lib/openrouter/models.ts";

export const handler = {
  /** The models to choose from (cached for an hour; a built-in list when OpenRouter is unreachable). */
  async GET(_req, ctx) {
    const { config } = ctx.state.services;
    const models = await listModels({
      baseUrl: config.openrouterBaseUrl,
      apiKey: config.openrouterApiKey,
    });
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
