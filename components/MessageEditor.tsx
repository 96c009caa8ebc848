import { useState } from "preact/hooks";
import { useT } from "@/lib/i18n/context.ts";

/** Editing a sent message: saving makes a new version of the conversation from it. */
export function MessageEditor(
  props: {
    text: string;
    onSend: (text: string) => void;
    onDiscard: () => void;
  },
) {
  const t = useT();
  const [text, setText] = useState(props.text);
  return (
    <form
      class="message-edit"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) props.onSend(text.trim());
      }}
    >
      <textarea
        aria-label={t("msg.edit_label")}
        value={text}
        ref={(el) => el?.focus()}
        maxLength={100_000}
        rows={Math.min(10, text.split("\n").length + 1)}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.stopPropagation();
            props.onDiscard();
          }
        }}
      />
      <span class="message-edit-actions">
        <button type="button" class="secondary" onClick={props.onDiscard}>
          {t("msg.edit_discard")}
        </button>
        <button type="submit">{t("msg.edit_send")}</button>
      </span>
    </form>
  );
}
