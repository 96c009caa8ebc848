import { checkedPersonaChip } from "@/lib/client/persona_chips.ts";
import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "preact/hooks";
import { ActionIcon } from "@/components/ActionIcon.tsx";
import { answerRunning, busy } from "@/lib/client/conversation.ts";
import { conversationOf } from "@/lib/client/conversation_controller.ts";
import { loadDraft, saveDraft } from "@/lib/client/drafts.ts";
import { useConversation } from "@/lib/client/use_conversation.ts";
import { useT } from "@/lib/i18n/context.ts";

interface Props {
  chatId: string;
  /** No API key is set: nothing can be sent, and the composer says why. */
  keyMissing: boolean;
}

/**
 * The composer: a text box that grows with its text, Send (Enter) that
 * becomes Cancel while an answer streams. Typing goes on meanwhile; a
 * message sent then waits for the answer. The draft is kept per chat until
 * the server accepts it, so a refusal, an error or a reload loses nothing.
 */
export default function Composer(props: Props) {
  const t = useT();
  const controller = useMemo(() => conversationOf(props.chatId), [
    props.chatId,
  ]);
  // Only what the composer shows: no re-render for every token.
  const state = useConversation(controller, (s) => ({
    running: answerRunning(s),
    waits: busy(s),
    pending: s.pending,
    problem: s.problem,
    notice: s.notice,
    gaveUp: s.link.phase === "gave_up",
  }));
  const [draft, setDraft] = useState("");
  const [queued, setQueued] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const { running, waits } = state;

  useEffect(() => {
    setDraft((now) => now || loadDraft(props.chatId));
    if (matchMedia("(pointer: fine)").matches) input.current?.focus();
    return controller.onSuggest((text) => {
      change(text);
      input.current?.focus();
    });
  }, [controller]);

  useLayoutEffect(() => {
    // Grows with the text up to a third of the screen, then scrolls.
    const el = input.current;
    if (!el) return;
    el.style.height = "auto";
    // Empty, the placeholder must not make it tall.
    if (!draft) return;
    el.style.height = `${Math.min(el.scrollHeight + 2, innerHeight / 3)}px`;
  }, [draft]);

  useEffect(() => {
    if (queued && !waits) send();
  }, [queued, waits]);

  function change(text: string) {
    setDraft(text);
    saveDraft(props.chatId, text);
  }

  async function send() {
    const content = draft.trim();
    setQueued(false);
    if (!content || props.keyMissing) return;
    if (waits) return setQueued(true);
    // The first message of an empty chat carries the persona chosen for it.
    const persona = checkedPersonaChip();
    setDraft("");
    const accepted = await controller.send(content, persona ? { persona } : {});
    if (accepted) {
      // Typed meanwhile: that is the new draft.
      setDraft((now) => {
        saveDraft(props.chatId, now);
        return now;
      });
    } else setDraft((now) => now || content);
  }

  const problem = state.problem &&
    ("key" in state.problem ? t(state.problem.key) : state.problem.text);
  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      {problem && <p class="problem" role="alert">{problem}</p>}
      {state.notice && (
        <p class="composer-note" role="status">{t(state.notice)}</p>
      )}
      {state.gaveUp && (
        <button
          type="button"
          class="secondary reconnect"
          onClick={() => controller.retryLink()}
        >
          {t("msg.reconnect")}
        </button>
      )}
      {props.keyMissing && (
        <p class="composer-note composer-no-key" id="composer-no-key">
          {t("composer.no_key")}
        </p>
      )}
      <div class="composer-box">
        <label for="composer-input" class="visually-hidden">
          {t("composer.label")}
        </label>
        <textarea
          id="composer-input"
          ref={input}
          name="content"
          rows={1}
          maxLength={100_000}
          placeholder={t("composer.placeholder")}
          value={draft}
          disabled={props.keyMissing}
          aria-describedby={props.keyMissing ? "composer-no-key" : undefined}
          onInput={(e) => change(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
              e.preventDefault();
              send();
            }
          }}
        />
        {running
          ? (
            <button
              type="button"
              class="composer-button composer-button--cancel"
              data-action="cancel"
              aria-label={t("composer.cancel")}
              title={t("composer.cancel")}
              onClick={() => controller.cancel()}
            >
              <ActionIcon name="stop" />
            </button>
          )
          : (
            <button
              type="submit"
              class="composer-button"
              aria-label={t("composer.send")}
              title={t("composer.send")}
              disabled={props.keyMissing || state.pending !== null}
            >
              <ActionIcon name="arrowUp" />
            </button>
          )}
      </div>
      {queued && (
        <p class="composer-note" role="status">{t("composer.waiting")}</p>
      )}
    </form>
  );
}
