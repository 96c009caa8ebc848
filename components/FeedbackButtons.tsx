import type { Feedback } from "@/lib/chats/types.ts";
import { useT } from "@/lib/i18n/context.ts";
import { ActionIcon } from "./ActionIcon.tsx";

/** Like and Dislike on a completed answer; pressing the pressed one again clears it (message_actions.ts). */
export function FeedbackButtons(props: { feedback?: Feedback }) {
  const t = useT();
  return (
    <>
      {(["like", "dislike"] as const).map((value) => (
        <button
          key={value}
          type="button"
          class="icon-button"
          data-action="feedback"
          data-feedback={value}
          aria-pressed={props.feedback === value ? "true" : "false"}
          aria-label={t(value === "like" ? "msg.like" : "msg.dislike")}
          title={t(value === "like" ? "msg.like" : "msg.dislike")}
        >
          <ActionIcon name="thumb" flip={value === "dislike"} />
        </button>
      ))}
    </>
  );
}
