import type { ModelInfo } from "@/lib/openrouter/models.ts";
import type { Translate } from "@/lib/i18n/context.ts";
import { useLang, useT } from "@/lib/i18n/context.ts";

/**
 * The model picker: a text field with the model list as suggestions, which
 * browsers filter as you type (by id and by the label with name, context
 * length, price and a free mark). Any model id may be typed.
 */
export function ModelField(
  props: { value: string; models: readonly ModelInfo[] },
) {
  const t = useT();
  const lang = useLang();
  const current = props.models.find((m) => m.id === props.value);
  return (
    <div class="model-field">
      <label>
        <span class="label-text">{t("settings.model")}</span>
        <input
          name="model"
          list="model-options"
          value={props.value}
          required
          maxLength={200}
          pattern="[\w.:\/@\-]+"
          autocomplete="off"
          spellcheck={false}
          aria-describedby="model-details"
        />
      </label>
      <datalist id="model-options">
        {props.models.map((m) => (
          <option value={m.id} label={describeModel(m, t, lang)} />
        ))}
      </datalist>
      <p id="model-details" class="field-help">
        {current ? describeModel(current, t, lang) : props.value}
      </p>
    </div>
  );
}

/** "Name · 128,000 tokens · $0.50 / $1.50 per 1M tokens" or "… · free". */
export function describeModel(
  model: ModelInfo,
  t: Translate,
  lang: string,
): string {
  const number = new Intl.NumberFormat(lang === "id" ? "id-ID" : "en-US");
  const usd = new Intl.NumberFormat(lang === "id" ? "id-ID" : "en-US", {
    style: "currency",
    currency: "USD",
    maximumFractionDigits: 2,
  });
  const parts = [model.name];
  if (model.contextLength > 0) {
    parts.push(
      t("settings.context_length", {
        tokens: number.format(model.contextLength),
      }),
    );
  }
  if (model.free) parts.push(t("settings.free"));
  else if (model.pricing.prompt >= 0 && model.pricing.completion >= 0) {
    parts.push(t("settings.per_million", {
      prompt: usd.format(model.pricing.prompt),
      completion: usd.format(model.pricing.completion),
    }));
  }
  return parts.join(" · ");
}
