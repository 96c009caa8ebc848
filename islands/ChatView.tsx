import { useEffect, useMemo, useState } from "preact/hooks";
import { LazyMessageFooter } from "@/components/LazyMessageFooter.tsx";
import { MessageItem } from "@/components/MessageItem.tsx";
import type { Message } from "@/lib/chats/types.ts";
import { answerRunning, connectionNote } from "@/lib/client/conversation.ts";
import { conversationOf } from "@/lib/client/conversation_controller.ts";
import { followLog } from "@/lib/client/follow.ts";
import { enhanceHistory, hideHistoryFrom } from "@/lib/client/history_view.ts";
import { delegateActions } from "@/lib/client/delegate_actions.ts";
import { useConversation } from "@/lib/client/use_conversation.ts";
import { useLang, useT } from "@/lib/i18n/context.ts";
import { ActionIcon } from "@/components/ActionIcon.tsx";

interface Props {
  chatId: string;
  /** The answer still being written when the page was rendered. */
  streaming: Message | null;
  /** The viewer's time zone as the server knows it. */
  timeZone: string;
}

/**
 * The live end of the conversation, inside the log after the server's
 * history: the messages of this page's turns and the streaming answer. It
 * also makes the log follow new text ("Jump to latest" when scrolled up),
 * and handles every message's actions by delegation.
 */
export default function ChatView(props: Props) {
  const t = useT();
  const lang = useLang();
  const controller = useMemo(
    () => conversationOf(props.chatId, props.streaming),
    [props.chatId],
  );
  const state = useConversation(controller);
  const [following, setFollowing] = useState(true);
  const [jump, setJump] = useState<() => void>(() => () => {});

  useEffect(() => {
    // The server answers !waktu and dates exports in the browser's time zone.
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    document.cookie = `tz=${
      encodeURIComponent(zone)
    }; Path=/; Max-Age=31536000; SameSite=Lax`;
    const log = document.getElementById("chat-log")!;
    const follow = followLog(log, setFollowing);
    setJump(() => follow.jump);
    const stopActions = delegateActions(log, controller, t);
    enhanceHistory();
    // Code loaded after the page: the first answer's markdown is then quick.
    import("@/lib/markdown/warm_up.ts").then(
      ({ warmUpMarkdown }) => warmUpMarkdown(),
      () => {/* offline: the first answer loads the engine itself */},
    );
    // A reload during an answer re-attaches to it from its current text.
    if (props.streaming) controller.attach();
    // "now" would stay "now": the times tick, with code loaded after the page.
    let stopTimes = () => {};
    let stopped = false;
    import("@/lib/client/tick_times.ts").then(({ tickTimes }) => {
      if (stopped) return;
      stopTimes = tickTimes(log, { lang, timeZone: props.timeZone });
    }, () => {/* offline: the times stay as the server wrote them */});
    return () => {
      follow.stop();
      stopActions();
      stopped = true;
      stopTimes();
    };
  }, [controller]);

  const running = answerRunning(state);
  useEffect(() => {
    hideHistoryFrom(state.hideFrom);
    const log = document.getElementById("chat-log")!;
    log.toggleAttribute("data-busy", running || state.pending !== null);
    log.toggleAttribute("data-tail", state.tail.length > 0);
    if (state.tail.length) {
      log.closest(".conversation")?.removeAttribute("data-empty");
    }
  }, [state.hideFrom, state.tail.length, running, state.pending]);

  const lastAnswer = state.tail.findLast((m) => m.role === "assistant");
  const connection = connectionNote(state);
  return (
    <>
      <div class="chat-tail">
        {state.tail.map((message) => (
          <MessageItem
            key={message.id}
            message={message}
            last={message === lastAnswer}
            timeZone={props.timeZone}
            connection={message.status === "streaming" ? connection : undefined}
            footer={LazyMessageFooter}
          />
        ))}
      </div>
      {
        // Outside the tail: a sticky element stays within its parent, and
        // the tail is out of view while the reader is up in the history.
        !following && (
          <button
            type="button"
            class="jump-latest"
            onClick={() => {
              jump();
              // The button goes once the view is at the end: focus stays in
              // the log instead of falling to the page.
              document.getElementById("chat-log")?.focus({
                preventScroll: true,
              });
            }}
            title={t("msg.jump_latest")}
          >
            <ActionIcon name="arrowDown" />
            {t("msg.jump_latest")}
          </button>
        )
      }
    </>
  );
}
