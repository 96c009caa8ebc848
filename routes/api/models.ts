import type { Handlers } from "$fresh/server.ts";
import type { AppState } from "@/lib/state.ts";
import { json } from "@/lib/http/api.ts";
import { modelCatalog } from "@/lib/openrouter/models.ts";

export const handler = {
  /**
   * The models to choose from (cached for an hour; a built-in list when
   * OpenRouter is unreachable), asked with the person's own key when they
   * connected one.
   */
  async GET(_req, ctx) {
    const { services, owner } = ctx.state;
    const { personalKey } = await services.accounts.upstreamFor(owner);
    const catalog = personalKey
      ? modelCatalog({
        baseUrl: services.config.openrouterBaseUrl,
        apiKey: personalKey,
      })
      : services.models;
    const models = await catalog.list();
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
