import type { Chat } from "@/lib/chats/types.ts";
import { personaName, personaPrompt, PERSONAS } from "@/lib/chats/personas.ts";
import type { ModelInfo } from "@/lib/openrouter/models.ts";
import { useLang, useT } from "@/lib/i18n/context.ts";
import { ModelField } from "./ModelField.tsx";

/** The chat's settings as a plain form. */
export function SettingsForm(
  props: { chat: Chat; models: readonly ModelInfo[] },
) {
  const t = useT();
  const lang = useLang();
  const { chat } = props;
  return (
    <form method="post" action={`/chats/${chat.id}/actions`} class="settings">
      <h2>{t("settings.title")}</h2>
      <input type="hidden" name="action" value="settings" />
      <ModelField value={chat.model} models={props.models} />
      <label>
        <span class="label-text">{t("settings.persona")}</span>
        <select name="persona">
          {PERSONAS.map((p) => (
            <option value={p} selected={p === chat.persona}>
              {personaName(p, lang)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span class="label-text">{t("settings.system_prompt")}</span>
        <textarea
          name="systemPrompt"
          rows={4}
          maxLength={20_000}
          placeholder={personaPrompt(chat.persona, lang)}
        >
          {chat.systemPrompt}
        </textarea>
      </label>
      <label>
        <span class="label-text">
          {t("settings.temperature")}: {chat.temperature.toFixed(2)}
        </span>
        <input
          type="range"
          name="temperature"
          min="0"
          max="1"
          step="0.05"
          value={chat.temperature}
        />
      </label>
      <label>
        <span class="label-text">{t("settings.context")}</span>
        <input
          type="number"
          name="contextMessages"
          min="2"
          max="30"
          step="1"
          value={chat.contextMessages}
        />
      </label>
      <button type="submit">{t("settings.save")}</button>
    </form>
  );
}
