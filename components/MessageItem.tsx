import type { ComponentChildren } from "preact";
import type { Message } from "@/lib/chats/types.ts";
import { useT } from "@/lib/i18n/context.ts";
import { MarkdownBody } from "./MarkdownBody.tsx";
import { MessageDetails } from "./MessageDetails.tsx";

const CONNECTION_NOTES = {
  lost: "msg.reconnecting",
  offline: "msg.offline",
  gave_up: "msg.gave_up",
} as const;

/**
 * One message as an article: an answer's text as markdown (safe HTML), the
 * user's own text as typed, with its line breaks.
 */
export function MessageItem(
  props: {
    message: Message;
    actions?: ComponentChildren;
    /** Replaces the text, e.g. with an editor. */
    body?: ComponentChildren;
    hidden?: boolean;
    timeZone?: string;
    /** How the link to this answer stands while it streams, when not live. */
    connection?: "lost" | "offline" | "gave_up";
  },
) {
  const t = useT();
  const { message } = props;
  const streaming = message.status === "streaming";
  return (
    <article
      class={`message message--${message.role}${
        props.hidden ? " message--hidden" : ""
      }`}
      id={`m-${message.id}`}
      data-role={message.role}
      data-status={message.status}
      aria-busy={streaming ? "true" : undefined}
    >
      <header class="message-meta">
        <strong>
          {message.role === "user" ? t("msg.you") : t("msg.assistant")}
        </strong>
        <MessageDetails message={message} timeZone={props.timeZone} />
      </header>
      {message.reasoning && (
        <details class="reasoning">
          <summary>{t("msg.reasoning")}</summary>
          <div class="message-text">{message.reasoning}</div>
        </details>
      )}
      {props.body ?? (message.role === "assistant"
        ? <MarkdownBody text={message.content} final={!streaming} />
        : <div class="message-text">{message.content}</div>)}
      {streaming && (props.connection
        ? (
          <p class="connection" role="status" data-link={props.connection}>
            {t(CONNECTION_NOTES[props.connection])}
          </p>
        )
        : <p class="typing" aria-hidden="true">{t("msg.writing")}</p>)}
      {message.status === "cancelled" && (
        <p class="message-note">{t("msg.cancelled")}</p>
      )}
      {message.error?.code === "interrupted"
        ? <p class="message-note">{t("msg.interrupted")}</p>
        : message.status === "error" && (
          <p class="message-error" role="alert">
            {t("msg.failed")}: {message.error?.message}
          </p>
        )}
      {props.actions && <div class="message-actions">{props.actions}</div>}
    </article>
  );
}
