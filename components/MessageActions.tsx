import type { Message } from "@/lib/chats/types.ts";
import { useT } from "@/lib/i18n/context.ts";
import { AlternativePager } from "./AlternativePager.tsx";
import { CopyButton } from "./CopyButton.tsx";
import { FeedbackButtons } from "./FeedbackButtons.tsx";

/** What a message's controls can do; the chat view owns the state. */
export interface MessageActionsProps {
  chatId: string;
  message: Message;
  /** Ids of the answers to the same question, oldest first (one when none). */
  alternatives: string[];
  busy: boolean;
  onSelectAlternative: (id: string) => void;
  onEdit: () => void;
  /** Answers again; given for the last answer when it failed or was interrupted. */
  onRetry?: () => void;
}

/** Copy on every message; feedback and alternatives on answers; Edit on the user's own. */
export function MessageActions(props: MessageActionsProps) {
  const t = useT();
  const { message, alternatives } = props;
  if (message.status === "streaming") return null;
  const index = alternatives.indexOf(message.id);
  return (
    <>
      {message.status === "error" && props.onRetry && (
        <button type="button" data-action="retry" onClick={props.onRetry}>
          {t("msg.retry")}
        </button>
      )}
      {message.content && (
        <CopyButton text={message.content} label={t("msg.copy")} />
      )}
      {message.role === "assistant" && !message.command &&
        message.status !== "error" && (
        <FeedbackButtons
          chatId={props.chatId}
          messageId={message.id}
          feedback={message.feedback}
        />
      )}
      {alternatives.length > 1 && index !== -1 && (
        <AlternativePager
          index={index}
          total={alternatives.length}
          disabled={props.busy}
          onSelect={(i) => props.onSelectAlternative(alternatives[i])}
        />
      )}
      {message.role === "user" && !message.command && !props.busy && (
        <button type="button" class="secondary" onClick={props.onEdit}>
          {t("msg.edit")}
        </button>
      )}
    </>
  );
}
