import type { Message } from "@/lib/chats/types.ts";
import { useT } from "@/lib/i18n/context.ts";
import { ActionIcon } from "./ActionIcon.tsx";
import { AlternativePager } from "./AlternativePager.tsx";
import { CopyButton } from "./CopyButton.tsx";
import { FeedbackButtons } from "./FeedbackButtons.tsx";

/** What a message's controls depend on. */
export interface MessageActionsProps {
  message: Message;
  /** Ids of the message's versions, oldest first (one when none). */
  versions: string[];
  /** The conversation's last answer: it can be answered again. */
  last: boolean;
}

/**
 * A message's icon buttons. They carry `data-action` and no handlers: the
 * chat island handles them for the server-rendered history and its own
 * messages alike (`lib/client/message_actions.ts`).
 */
export function MessageActions(props: MessageActionsProps) {
  const t = useT();
  const { message, versions, last } = props;
  if (message.status === "streaming") return null;
  const answer = message.role === "assistant";
  const failed = message.status === "error";
  return (
    <div class="message-actions" data-last={last ? "" : undefined}>
      {versions.length > 1 && versions.includes(message.id) && (
        <AlternativePager versions={versions} current={message.id} />
      )}
      {message.content && <CopyButton label={t("msg.copy")} />}
      {answer && !message.command && message.status === "complete" && (
        <FeedbackButtons feedback={message.feedback} />
      )}
      {answer && last && !message.command && (
        failed
          ? (
            <button type="button" class="retry" data-action="retry">
              <ActionIcon name="regenerate" />
              {t("msg.retry")}
            </button>
          )
          : (
            <button
              type="button"
              class="icon-button"
              data-action="regenerate"
              aria-label={t("msg.regenerate")}
              title={t("msg.regenerate")}
            >
              <ActionIcon name="regenerate" />
            </button>
          )
      )}
      {message.role === "user" && !message.command && (
        <button
          type="button"
          class="icon-button"
          data-action="edit"
          aria-label={t("msg.edit")}
          title={t("msg.edit")}
        >
          <ActionIcon name="pencil" />
        </button>
      )}
    </div>
  );
}
