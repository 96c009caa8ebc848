import type { Chat } from "@/lib/chats/types.ts";
import type { ConversationData } from "@/lib/chats/conversation_view.ts";
import { useT } from "@/lib/i18n/context.ts";
import { EmptyState } from "./EmptyState.tsx";
import { MessageFooter } from "./MessageFooter.tsx";
import { MessageItem } from "./MessageItem.tsx";

/**
 * The conversation so far, rendered on the server (markdown already safe
 * HTML); the chat island never re-renders it, it re-reads it from
 * `/chats/:id/history` after a turn.
 */
export function History(
  props: { chat: Chat; data: ConversationData; timeZone?: string },
) {
  const t = useT();
  const { chat, data } = props;
  const { history, groups } = data;
  const lastAnswer = data.streaming
    ? undefined
    : history.findLast((m) => m.role === "assistant");
  return (
    // What is already on the page is not news: only the live tail is announced.
    <div
      class="chat-history"
      id="chat-history"
      data-chat={chat.id}
      aria-live="off"
    >
      {data.earlier > 0 && (
        <a class="earlier" href={`/chats/${chat.id}?history=all`}>
          {t("chat.earlier", { count: data.earlier })}
        </a>
      )}
      {history.length === 0 && !data.streaming && <EmptyState chat={chat} />}
      {history.map((message) => (
        <MessageItem
          key={message.id}
          message={message}
          versions={message.group ? groups[message.group] : undefined}
          last={message === lastAnswer}
          timeZone={props.timeZone}
          footer={MessageFooter}
          keepBody={data.keep?.has(message.id)}
        />
      ))}
    </div>
  );
}
