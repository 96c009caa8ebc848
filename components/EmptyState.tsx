import { personaName, PERSONAS } from "@/lib/chats/personas.ts";
import type { Chat } from "@/lib/chats/types.ts";
import { useLang, useT } from "@/lib/i18n/context.ts";
import type { MessageKey } from "@/lib/i18n/mod.ts";

const SUGGESTIONS: MessageKey[] = [
  "chat.suggest_explain",
  "chat.suggest_write",
  "chat.suggest_plan",
  "chat.suggest_help",
];

/**
 * A chat without messages: a greeting in the UI language, what to do, a few
 * suggestions that fill the composer, and the persona the first message is
 * sent with. Nothing is stored until that message.
 */
export function EmptyState(props: { chat: Chat }) {
  const t = useT();
  const lang = useLang();
  return (
    <div class="empty-state">
      <h2 class="empty-greeting">{t("chat.greeting")}</h2>
      <p class="empty-hint">{t("chat.empty_hint")}</p>
      <div class="suggestions" role="group" aria-label={t("chat.suggestions")}>
        {SUGGESTIONS.map((key) => (
          <button
            key={key}
            type="button"
            class="suggestion"
            data-action="suggest"
            data-text={t(key)}
          >
            {t(key)}
          </button>
        ))}
      </div>
      <fieldset class="persona-choice">
        <legend>{t("settings.persona")}</legend>
        {PERSONAS.map((persona) => (
          <label
            key={persona}
            class="persona-chip"
            // "Custom" is chosen by writing a system prompt (Chat settings):
            // its chip shows only once that is the chat's persona.
            hidden={persona === "custom" && props.chat.persona !== "custom"}
          >
            <input
              type="radio"
              name="first-persona"
              value={persona}
              checked={props.chat.persona === persona}
            />
            {personaName(persona, lang)}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
