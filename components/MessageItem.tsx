import type { ComponentChildren } from "preact";
import type { Message } from "@/lib/chats/types.ts";
import { useT } from "@/lib/i18n/context.ts";
import { MarkdownBody } from "./MarkdownBody.tsx";

/**
 * One message as an article: an answer's text as markdown (safe HTML), the
 * user's own text as typed, with its line breaks.
 */
export function MessageItem(
  props: { message: Message; actions?: ComponentChildren },
) {
  const t = useT();
  const { message } = props;
  const streaming = message.status === "streaming";
  return (
    <article
      class={`message message--${message.role}`}
      id={`m-${message.id}`}
      data-role={message.role}
      data-status={message.status}
      aria-busy={streaming ? "true" : undefined}
    >
      <header class="message-meta">
        <strong>
          {message.role === "user" ? t("msg.you") : t("msg.assistant")}
        </strong>
        {message.model && message.role === "assistant" && (
          <span class="message-model">{message.model}</span>
        )}
      </header>
      {message.role === "assistant"
        ? <MarkdownBody text={message.content} final={!streaming} />
        : <div class="message-text">{message.content}</div>}
      {streaming && <p class="typing" aria-hidden="true">{t("msg.writing")}</p>}
      {message.status === "cancelled" && (
        <p class="message-note">{t("msg.cancelled")}</p>
      )}
      {message.status === "error" && (
        <p class="message-error" role="alert">
          {t("msg.failed")}: {message.error?.message}
        </p>
      )}
      {props.actions && <div class="message-actions">{props.actions}</div>}
    </article>
  );
}
