import { json } from "@/lib/http/api.ts";
import { api } from "@/lib/http/route.ts";

export const handler = {
  /** The models to choose from (cached for an hour; a built-in list when OpenRouter is unreachable). */
  GET: api(async (_req, ctx) => {
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
  }),
};
