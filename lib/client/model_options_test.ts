import { assertEquals } from "@/tests/assert.ts";
import { filterModels, type ModelOption, providerOf } from "./model_options.ts";

const model = (id: string, name: string, free = false): ModelOption => ({
  id,
  name,
  contextLength: 8192,
  prompt: free ? 0 : 1,
  completion: free ? 0 : 2,
  free,
});
const models = [
  model("meta-llama/llama-3-8b-instruct", "Llama 3 8B Instruct"),
  model("mistralai/mistral-7b-instruct:free", "Mistral 7B (free)", true),
  model("openai/gpt-4o", "GPT-4o"),
];

Deno.test("filterModels() finds every word in the name or the id", () => {
  assertEquals(filterModels(models, "llama 8b", false).map((m) => m.id), [
    "meta-llama/llama-3-8b-instruct",
  ]);
  assertEquals(filterModels(models, "OPENAI", false).length, 1);
  assertEquals(filterModels(models, "", false).length, 3);
});

Deno.test("filterModels() with free only keeps the free models", () => {
  assertEquals(filterModels(models, "", true).map((m) => m.id), [
    "mistralai/mistral-7b-instruct:free",
  ]);
  assertEquals(filterModels(models, "gpt", true), []);
});

Deno.test("providerOf() is the id's part before the slash", () => {
  assertEquals(providerOf("openai/gpt-4o"), "openai");
  assertEquals(providerOf("llama3"), "");
});
