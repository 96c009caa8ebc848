import { assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import {
  type ModelInfo,
  modelInfoText,
  modelUnknownText,
} from "./model_info.ts";

const llama: ModelInfo = {
  id: "meta-llama/llama-3-8b-instruct",
  name: "Meta: Llama 3 8B Instruct",
  contextLength: 8192,
  maxCompletionTokens: 16384,
  pricing: { prompt: 0.03, completion: 0.06 },
  free: false,
  inputModalities: ["text", "image"],
};

Deno.test("modelInfoText() lists name, id, limits, prices and inputs with English numbers", () => {
  assertEquals(
    modelInfoText(llama, "en"),
    [
      "**Meta: Llama 3 8B Instruct**",
      "",
      "- ID: `meta-llama/llama-3-8b-instruct`",
      "- Context length: 8,192 tokens",
      "- Max completion: 16,384 tokens",
      "- Price per million tokens: $0.03 input, $0.06 output",
      "- Input: text and images",
    ].join("\n"),
  );
});

Deno.test("modelInfoText() formats numbers the Indonesian way", () => {
  const text = modelInfoText({
    ...llama,
    pricing: { prompt: 1.5, completion: 0.075 },
  }, "id");
  assertStringIncludes(text, "- Panjang konteks: 8.192 token");
  assertStringIncludes(
    text,
    "- Harga per sejuta token: $1,50 masukan, $0,075 keluaran",
  );
  assertStringIncludes(text, "- Masukan: teks dan gambar");
});

Deno.test("modelInfoText() says free, and leaves out an unknown completion limit", () => {
  const text = modelInfoText({
    ...llama,
    free: true,
    maxCompletionTokens: undefined,
    inputModalities: [],
  }, "en");
  assertStringIncludes(text, "- Price: free");
  assertStringIncludes(text, "- Input: unknown");
  assertEquals(text.includes("Max completion"), false);
});

Deno.test("modelInfoText() escapes Markdown in the model name", () => {
  assertStringIncludes(
    modelInfoText({ ...llama, name: "*x* <b>" }, "en"),
    "**\\*x\\* \\<b\\>**",
  );
});

Deno.test("modelUnknownText() names the model", () => {
  assertStringIncludes(
    modelUnknownText("a/b", "id"),
    "Info model `a/b` tidak tersedia",
  );
});
