import { useState } from "preact/hooks";
import { useT } from "@/lib/i18n/context.ts";

/** Editing a sent message: the new text is sent again and replaces what followed. */
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
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.stopPropagation();
            props.onDiscard();
          }
        }}
      />
      <span class="message-actions">
        <button type="submit">{t("msg.edit_send")}</button>
        <button type="button" class="secondary" onClick={props.onDiscard}>
          {t("msg.edit_discard")}
        </button>
      </span>
    </form>
  );
}
