import { useState } from "preact/hooks";
import type { Feedback } from "@/lib/chats/types.ts";
import { apiFetch, ensureOk } from "@/lib/client/chat_stream.ts";
import { useT } from "@/lib/i18n/context.ts";
import { Icon } from "./Icon.tsx";

/** Like and Dislike on an answer; pressing the pressed one again clears it. */
export function FeedbackButtons(
  props: { chatId: string; messageId: string; feedback?: Feedback },
) {
  const t = useT();
  const [feedback, setFeedback] = useState<Feedback>(props.feedback ?? null);
  const choose = async (next: Feedback) => {
    const value = next === feedback ? null : next;
    const previous = feedback;
    setFeedback(value);
    try {
      await ensureOk(
        await apiFetch(
          `/api/chats/${props.chatId}/messages/${props.messageId}`,
          "PATCH",
          {
            feedback: value,
          },
        ),
      );
    } catch {
      setFeedback(previous);
    }
  };
  return (
    <>
      <button
        type="button"
        class="ghost"
        aria-pressed={feedback === "like"}
        onClick={() => choose("like")}
      >
        <Icon name="thumb" />
        <span class="visually-hidden">{t("msg.like")}</span>
      </button>
      <button
        type="button"
        class="ghost"
        aria-pressed={feedback === "dislike"}
        onClick={() => choose("dislike")}
      >
        <Icon name="thumb" flip />
        <span class="visually-hidden">{t("msg.dislike")}</span>
      </button>
    </>
  );
}
