import type { Services } from "@/lib/app.ts";
import { modelCatalog, type ModelInfo } from "./models.ts";

/**
 * The models a person can choose from: asked with their own OpenRouter key
 * when they connected one (their account may see other models), else the
 * operator's cached list.
 */
export async function modelsFor(
  services: Services,
  owner: string,
): Promise<readonly ModelInfo[]> {
  const { personalKey } = await services.accounts.upstreamFor(owner);
  const catalog = personalKey
    ? modelCatalog({
      baseUrl: services.config.openrouterBaseUrl,
      apiKey: personalKey,
    })
    : services.models;
  return await catalog.list();
}
