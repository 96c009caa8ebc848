/** The text of `!info_model`. */
import { type Lang, type MessageKey, t } from "@/lib/i18n/mod.ts";
import type { ModelInfo } from "@/lib/openrouter/models.ts";
import { codeSpan, localeOf } from "./format.ts";

export type { ModelInfo };

const MODALITIES: Record<string, MessageKey> = {
  text: "cmd.model.modality.text",
  image: "cmd.model.modality.image",
  audio: "cmd.model.modality.audio",
  video: "cmd.model.modality.video",
  file: "cmd.model.modality.file",
};

/** The model's name, id, context length, longest answer, prices and inputs, as Markdown. */
export function modelInfoText(model: ModelInfo, lang: Lang): string {
  const locale = localeOf(lang);
  const count = new Intl.NumberFormat(locale);
  const usd = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: "USD",
    currencyDisplay: "narrowSymbol",
    minimumFractionDigits: 2,
    maximumFractionDigits: 6,
  });
  const lines = [
    `- ID: ${codeSpan(model.id)}`,
    `- ${
      t(lang, "cmd.model.context", {
        tokens: count.format(model.contextLength),
      })
    }`,
  ];
  if (model.maxCompletionTokens) {
    lines.push(`- ${
      t(lang, "cmd.model.max_completion", {
        tokens: count.format(model.maxCompletionTokens),
      })
    }`);
  }
  lines.push(
    `- ${
      model.free ? t(lang, "cmd.model.free") : t(lang, "cmd.model.price", {
        prompt: usd.format(model.pricing.prompt),
        completion: usd.format(model.pricing.completion),
      })
    }`,
  );
  const inputs = model.inputModalities.map((m) =>
    MODALITIES[m] ? t(lang, MODALITIES[m]) : m
  );
  lines.push(
    `- ${
      inputs.length === 0
        ? t(lang, "cmd.model.input_unknown")
        : t(lang, "cmd.model.input", {
          modalities: new Intl.ListFormat(locale, { type: "conjunction" })
            .format(inputs),
        })
    }`,
  );
  return [`**${escapeMarkdown(model.name || model.id)}**`, "", ...lines].join(
    "\n",
  );
}

/** Says that no details of the model `id` are available. */
export function modelUnknownText(id: string, lang: Lang): string {
  return t(lang, "cmd.model.unknown", { id: codeSpan(id) });
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);
}
