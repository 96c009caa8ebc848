/** OpenRouter-shaped error answers of the fake, one per HTTP status. */

/** The default `error.message` (and metadata) OpenRouter sends for `status`. */
export function openRouterError(
  status: number,
  model: string,
): { message: string; metadata?: Record<string, unknown> } {
  switch (status) {
    case 400:
      return { message: `${model} is not a valid model ID` };
    case 401:
      return { message: "No auth credentials found" };
    case 402:
      return {
        message:
          "Insufficient credits. Add more using https://openrouter.ai/settings/credits",
      };
    case 403:
      return {
        message:
          `${model} requires moderation on OpenAI. Your input was flagged for "harassment". No credits were charged.`,
        metadata: {
          reasons: ["harassment"],
          flagged_input: "…",
          provider_name: "OpenAI",
          model_slug: model,
        },
      };
    case 404:
      return { message: `No endpoints found for ${model}.` };
    case 408:
      return { message: "Request timed out" };
    case 429:
      return {
        message: "Rate limit exceeded: free-models-per-min.",
        metadata: { headers: { "X-RateLimit-Limit": "20" } },
      };
    case 500:
      return { message: "Internal Server Error" };
    case 502:
      return {
        message: "Provider returned error",
        metadata: { provider_name: "Fake", raw: "upstream connect error" },
      };
    case 503:
      return {
        message:
          "No available model provider that meets your routing requirements",
      };
  }
  return { message: `Error ${status}` };
}

/** A JSON response in OpenRouter's error shape. */
export function errorResponse(
  status: number,
  message: string,
  metadata?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Response {
  const error = metadata ? { code: status, message, metadata } : {
    code: status,
    message,
  };
  return Response.json({ error }, { status, headers });
}
