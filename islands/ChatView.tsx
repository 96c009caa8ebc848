import { useEffect, useRef, useState } from "preact/hooks";
import { MessageItem } from "@/components/MessageItem.tsx";
import type { Message } from "@/lib/chats/types.ts";
import {
  apiFetch,
  ApiRequestError,
  ensureOk,
} from "@/lib/client/chat_stream.ts";
import { isRunning } from "@/lib/client/stream_state.ts";
import { useChatStream } from "@/lib/client/use_chat_stream.ts";
import { useT } from "@/lib/i18n/context.ts";
import { CopyButton } from "@/components/CopyButton.tsx";
import { MessageActions } from "@/components/MessageActions.tsx";
import { MessageEditor } from "@/components/MessageEditor.tsx";

interface Props {
  chatId: string;
  /** The current branch of the conversation. */
  messages: Message[];
  /** Answer group → ids of its alternatives, oldest first. */
  groups: Record<string, string[]>;
  greeting: string;
  /** The viewer's time zone as the server knows it (the browser corrects it). */
  timeZone: string;
}

/** The conversation: history, the streaming answer, and the composer with its controls. */
export default function ChatView(props: Props) {
  const t = useT();
  const {
    messages,
    setMessages,
    groups,
    setGroups,
    problem,
    setProblem,
    notice,
    link,
    run,
    cancel,
    retryLink,
  } = useChatStream(props.chatId, props.messages, props.groups);
  const [draft, setDraft] = useState("");
  const [editing, setEditing] = useState<string | null>(null);
  const [find, setFind] = useState("");
  // A link that gave up does not hold the composer: the server decides.
  const streaming = isRunning(messages, link);
  const connection = link.phase === "live" || link.phase === "idle"
    ? undefined
    : link.phase;
  const input = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    // The server answers !waktu and dates exports in the browser's time zone.
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    document.cookie = `tz=${
      encodeURIComponent(zone)
    }; Path=/; Max-Age=31536000; SameSite=Lax`;
    // A reload during an answer re-attaches to it from its current text.
    if (streaming) {
      run(apiFetch(`/api/chats/${props.chatId}/stream`), { attach: true });
    }
  }, []);

  function send() {
    const content = draft.trim();
    if (!content || streaming) return;
    setDraft("");
    run(apiFetch(`/api/chats/${props.chatId}/messages`, "POST", { content }), {
      // Nothing was sent: the text goes back into the composer.
      onUnreachable: () => setDraft((now) => now || content),
    });
  }

  function regenerate() {
    const last = messages.findLastIndex((m) => m.role === "user");
    // The answers so far become the first pages of the new answer's group
    // (the server names the group after the first of them).
    const previous = messages.slice(last + 1);
    if (previous.length) {
      const group = previous[0].group ?? previous[0].id;
      setGroups((all) => ({
        ...all,
        [group]: all[group] ?? previous.map((m) => m.id),
      }));
    }
    run(apiFetch(`/api/chats/${props.chatId}/regenerate`, "POST"), {
      onBeforeStart: () => setMessages((list) => list.slice(0, last + 1)),
    });
  }

  useEffect(() => {
    // The composer is disabled while an answer streams: give focus back after.
    if (!streaming) input.current?.focus();
  }, [streaming]);

  function resend(message: Message, content: string) {
    setEditing(null);
    const at = messages.indexOf(message);
    run(
      apiFetch(
        `/api/chats/${props.chatId}/messages/${message.id}/resend`,
        "POST",
        { content },
      ),
      { onBeforeStart: () => setMessages((list) => list.slice(0, at)) },
    );
  }

  async function selectAlternative(current: Message, id: string) {
    setProblem("");
    try {
      const res = await ensureOk(
        await apiFetch(`/api/chats/${props.chatId}/messages/${id}`, "PATCH", {
          active: true,
        }),
      );
      const { message } = await res.json() as { message: Message };
      setMessages((list) =>
        list.map((m) => (m.id === current.id ? message : m))
      );
    } catch (error) {
      // The API's own message is in the UI language; a network error's is not.
      setProblem(
        error instanceof ApiRequestError
          ? error.message
          : t("msg.unreachable_retry"),
      );
    }
  }

  const needle = find.trim().toLowerCase();
  const matches = needle
    ? messages.filter((m) => m.content.toLowerCase().includes(needle)).length
    : 0;
  const lastAnswer = messages.findLast((m) => m.role === "assistant");

  return (
    <div class="chat-view">
      <div class="chat-find">
        <input
          type="search"
          aria-label={t("msg.search")}
          placeholder={t("msg.search")}
          value={find}
          onInput={(e) => setFind(e.currentTarget.value)}
        />
        {needle && (
          <span role="status">{t("msg.search_count", { count: matches })}</span>
        )}
      </div>
      <div
        class="messages"
        role="log"
        aria-label={t("log.label")}
        aria-live="polite"
      >
        {messages.length === 0 && <p class="greeting">{props.greeting}</p>}
        {messages.map((message) => (
          <MessageItem
            key={message.id}
            message={message}
            timeZone={props.timeZone}
            connection={message.status === "streaming" ? connection : undefined}
            hidden={!!needle && !message.content.toLowerCase().includes(needle)}
            body={editing === message.id
              ? (
                <MessageEditor
                  text={message.content}
                  onSend={(text) => resend(message, text)}
                  onDiscard={() => setEditing(null)}
                />
              )
              : undefined}
            actions={
              <MessageActions
                chatId={props.chatId}
                message={message}
                alternatives={message.group
                  ? groups[message.group] ?? [message.id]
                  : [message.id]}
                busy={streaming}
                onSelectAlternative={(id) => selectAlternative(message, id)}
                onEdit={() => setEditing(message.id)}
                onRetry={message === lastAnswer && !streaming
                  ? regenerate
                  : undefined}
              />
            }
          />
        ))}
      </div>
      {problem && <p class="problem" role="alert">{problem}</p>}
      {notice && <p class="message-note" role="status">{notice}</p>}
      <div class="chat-controls">
        {streaming && (
          <button
            type="button"
            class="danger"
            data-action="cancel"
            onClick={cancel}
          >
            {t("composer.cancel")}
          </button>
        )}
        {link.phase === "gave_up" && (
          <button type="button" onClick={retryLink}>
            {t("msg.reconnect")}
          </button>
        )}
        {!streaming && lastAnswer && (
          <>
            {/* A failed answer has Retry in its place. */}
            {lastAnswer.status !== "error" &&
              lastAnswer.status !== "streaming" && (
              <button type="button" class="secondary" onClick={regenerate}>
                {t("msg.regenerate")}
              </button>
            )}
            <CopyButton
              text={lastAnswer.content}
              label={t("msg.copy_last")}
              action="copy-last"
            />
          </>
        )}
      </div>
      <form
        class="composer"
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <label for="composer-input" class="visually-hidden">
          {t("composer.label")}
        </label>
        <textarea
          id="composer-input"
          ref={input}
          name="content"
          rows={3}
          required
          maxLength={100_000}
          placeholder={t("composer.placeholder")}
          value={draft}
          disabled={streaming}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
              e.preventDefault();
              send();
            }
          }}
        />
        <button type="submit" disabled={streaming}>{t("composer.send")}</button>
      </form>
    </div>
  );
}
