import ChatView from "@/islands/ChatView.tsx";
import Composer from "@/islands/Composer.tsx";
import type { ConversationData } from "@/lib/chats/conversation_view.ts";
import type { Chat } from "@/lib/chats/types.ts";
import { useT } from "@/lib/i18n/context.ts";
import { PreparedMarkdown } from "@/lib/markdown/prepared_context.ts";
import { History } from "./History.tsx";

/**
 * The conversation column: the "Messages" log (the element that scrolls)
 * with the server-rendered history and the chat island after it, then the
 * composer, pinned below. The islands get only the chat's id, the answer
 * still streaming and flags; the history stays the server's HTML.
 */
export function Conversation(
  props: {
    chat: Chat;
    data: ConversationData;
    timeZone: string;
    keyMissing: boolean;
  },
) {
  const t = useT();
  const { chat, data } = props;
  const empty = data.history.length === 0 && !data.streaming;
  return (
    <section
      class="conversation"
      data-empty={empty ? "" : undefined}
      aria-label={t("log.label")}
    >
      <div
        class="messages"
        id="chat-log"
        role="log"
        aria-label={t("log.label")}
        aria-live="polite"
        data-copy-code={t("msg.copy_code")}
        data-copied={t("msg.copied")}
        tabIndex={0}
      >
        <div class="messages-inner">
          <PreparedMarkdown.Provider value={data.prepared}>
            <History chat={chat} data={data} timeZone={props.timeZone} />
            <ChatView
              chatId={chat.id}
              streaming={data.streaming}
              timeZone={props.timeZone}
            />
          </PreparedMarkdown.Provider>
        </div>
      </div>
      <Composer chatId={chat.id} keyMissing={props.keyMissing} />
    </section>
  );
}
