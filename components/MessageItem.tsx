import type { ComponentChildren, ComponentType } from "preact";
import type { Message } from "@/lib/chats/types.ts";
import { useT } from "@/lib/i18n/context.ts";
import { MarkdownBody } from "./MarkdownBody.tsx";
import type { MessageFooterProps } from "./MessageFooter.tsx";

const CONNECTION_NOTES = {
  lost: "msg.reconnecting",
  offline: "msg.offline",
  gave_up: "msg.gave_up",
} as const;

/**
 * One message as an article: the user's text as typed in a bubble on the
 * right, an answer full-width as markdown (safe HTML), then its time and
 * icon actions. Rendered by the server for the history and by the chat
 * island for the turns of the page's life.
 */
export function MessageItem(
  props: {
    message: Message;
    /** Ids of the message's versions, oldest first. */
    versions?: string[];
    /** The conversation's last answer. */
    last?: boolean;
    timeZone?: string;
    /** How the link to this answer stands while it streams, when not live. */
    connection?: "lost" | "offline" | "gave_up";
    /** Replaces the text, e.g. with an editor. */
    body?: ComponentChildren;
    /** The browser has this answer's body already: an empty place for it. */
    keepBody?: boolean;
    /** Renders the actions and details (`MessageFooter`, or a lazy one in the island). */
    footer: ComponentType<MessageFooterProps>;
  },
) {
  const t = useT();
  const { message } = props;
  const streaming = message.status === "streaming";
  const interrupted = message.error?.code === "interrupted";
  return (
    <article
      class={`message message--${message.role}`}
      id={`m-${message.id}`}
      data-id={message.id}
      data-role={message.role}
      data-status={message.status}
      aria-busy={streaming ? "true" : undefined}
    >
      <div class="message-body">
        <span class="visually-hidden">
          {message.role === "user" ? t("msg.you") : t("msg.assistant")}:
        </span>
        {message.reasoning && (
          <details class="reasoning">
            <summary>{t("msg.reasoning")}</summary>
            <div class="message-text">{message.reasoning}</div>
          </details>
        )}
        {props.body ?? (props.keepBody
          ? <div class="message-text markdown" data-keep={message.id} />
          : message.role === "assistant"
          ? <MarkdownBody text={message.content} final={!streaming} />
          : <div class="message-text">{message.content}</div>)}
        {streaming && (props.connection
          ? (
            <p class="connection" role="status" data-link={props.connection}>
              {t(CONNECTION_NOTES[props.connection])}
            </p>
          )
          : (
            <p class="typing">
              <span class="typing-dots" aria-hidden="true"></span>
              <span class="visually-hidden">{t("msg.writing")}</span>
            </p>
          ))}
        {message.status === "cancelled" && (
          <p class="message-note message-mark">{t("msg.cancelled")}</p>
        )}
        {interrupted
          ? <p class="message-note message-mark">{t("msg.interrupted")}</p>
          : message.status === "error" && (
            <p class="message-error message-mark">
              {t("msg.failed")}: {message.error?.message}
            </p>
          )}
      </div>
      {!streaming && (
        <props.footer
          message={message}
          versions={props.versions ?? [message.id]}
          last={!!props.last}
          timeZone={props.timeZone}
        />
      )}
    </article>
  );
}
