/** The model picker's rules: what a model option says, and which ones a search finds. Browser-safe. */

/** A model as the picker lists it (prices in USD per million tokens, -1 when they vary). */
export interface ModelOption {
  id: string;
  name: string;
  contextLength: number;
  prompt: number;
  completion: number;
  free: boolean;
}

/** Options matching every word of `query` in the name or id; `freeOnly` keeps free ones. */
export function filterModels(
  models: readonly ModelOption[],
  query: string,
  freeOnly: boolean,
): ModelOption[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return models.filter((m) => {
    if (freeOnly && !m.free) return false;
    const text = `${m.name} ${m.id}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** The provider of a model id: what comes before its "/". */
export function providerOf(id: string): string {
  const slash = id.indexOf("/");
  return slash > 0 ? id.slice(0, slash) : "";
}
