/** The fake's `GET /models` answer, in OpenRouter's shape. */

function model(
  id: string,
  name: string,
  contextLength: number,
  prompt: string,
  completion: string,
  modality = "text->text",
) {
  return {
    id,
    canonical_slug: id.replace(/:free$/, ""),
    name,
    created: 1_713_398_400,
    description: `${name}, as served by the fake OpenRouter.`,
    context_length: contextLength,
    architecture: {
      modality,
      input_modalities: modality.split("->")[0].split("+"),
      output_modalities: ["text"],
      tokenizer: "Other",
      instruct_type: null,
    },
    pricing: { prompt, completion, request: "0", image: "0" },
    top_provider: {
      context_length: contextLength,
      max_completion_tokens: contextLength >= 32_768 ? 16_384 : 4_096,
      is_moderated: false,
    },
    per_request_limits: null,
    supported_parameters: ["max_tokens", "temperature", "top_p", "stop"],
  };
}

/** Models the fake lists; one paid, one `:free`, a vision model, a reasoner. */
export const FAKE_MODELS = [
  model(
    "meta-llama/llama-3-8b-instruct",
    "Meta: Llama 3 8B Instruct",
    8_192,
    "0.00000003",
    "0.00000006",
  ),
  model(
    "deepseek/deepseek-chat-v3-0324:free",
    "DeepSeek: DeepSeek V3 0324 (free)",
    163_840,
    "0",
    "0",
  ),
  model(
    "openai/gpt-4o-mini",
    "OpenAI: GPT-4o-mini",
    128_000,
    "0.00000015",
    "0.0000006",
    "text+image->text",
  ),
  model(
    "deepseek/deepseek-r1",
    "DeepSeek: R1",
    163_840,
    "0.0000004",
    "0.000002",
  ),
];
