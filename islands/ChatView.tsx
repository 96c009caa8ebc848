import { useEffect, useRef, useState } from "preact/hooks";
import { MessageItem } from "@/components/MessageItem.tsx";
import type { Message } from "@/lib/chats/types.ts";
import { apiFetch, consumeStream, ensureOk } from "@/lib/client/chat_stream.ts";
import { useT } from "@/lib/i18n/context.ts";
import { CopyButton } from "@/components/CopyButton.tsx";

interface Props {
  chatId: string;
  messages: Message[];
  greeting: string;
}

/** The conversation: history, the streaming answer, and the composer with its controls. */
export default function ChatView(props: Props) {
  const t = useT();
  const [messages, setMessages] = useState(props.messages);
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState("");
  const streaming = messages.some((m) => m.status === "streaming");
  const input = useRef<HTMLTextAreaElement>(null);

  const upsert = (message: Message) =>
    setMessages((list) => {
      const i = list.findIndex((m) => m.id === message.id);
      return i === -1
        ? [...list, message]
        : list.map((m, j) => (j === i ? message : m));
    });
  // Tokens arrive faster than frames: they are applied at most once a frame.
  const pending = useRef({ text: "", frame: 0 });
  const flush = () => {
    const { text, frame } = pending.current;
    cancelAnimationFrame(frame);
    pending.current = { text: "", frame: 0 };
    if (!text) return;
    setMessages((list) =>
      list.map((
        m,
      ) => (m.status === "streaming" ? { ...m, content: m.content + text } : m))
    );
  };
  const append = (text: string) => {
    pending.current.text += text;
    pending.current.frame ||= requestAnimationFrame(flush);
  };

  async function run(request: Promise<Response>, onBeforeStart?: () => void) {
    setProblem("");
    try {
      const res = await ensureOk(await request);
      if (res.status === 204) return;
      onBeforeStart?.();
      await consumeStream(res, {
        onUser: upsert,
        onStart: upsert,
        onDelta: append,
        onDone: (message) => {
          flush();
          upsert(message);
        },
      });
    } catch (error) {
      setProblem((error as Error).message);
    }
  }

  useEffect(() => {
    // The server answers !waktu and dates exports in the browser's time zone.
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    document.cookie = `tz=${
      encodeURIComponent(zone)
    }; Path=/; Max-Age=31536000; SameSite=Lax`;
    // A reload during an answer re-attaches to it from its current text.
    if (streaming) run(apiFetch(`/api/chats/${props.chatId}/stream`));
  }, []);

  function send() {
    const content = draft.trim();
    if (!content || streaming) return;
    setDraft("");
    run(apiFetch(`/api/chats/${props.chatId}/messages`, "POST", { content }));
  }

  function regenerate() {
    const last = messages.findLastIndex((m) => m.role === "user");
    run(
      apiFetch(`/api/chats/${props.chatId}/regenerate`, "POST"),
      () => setMessages((list) => list.slice(0, last + 1)),
    );
  }

  useEffect(() => {
    // The composer is disabled while an answer streams: give focus back after.
    if (!streaming) input.current?.focus();
  }, [streaming]);

  const cancel = () => apiFetch(`/api/chats/${props.chatId}/cancel`, "POST");
  const lastAnswer = messages.findLast((m) => m.role === "assistant");

  return (
    <div class="chat-view">
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
            actions={message.status !== "streaming" && message.content
              ? <CopyButton text={message.content} label={t("msg.copy")} />
              : undefined}
          />
        ))}
      </div>
      {problem && <p class="problem" role="alert">{problem}</p>}
      <div class="chat-controls">
        {streaming && (
          <button type="button" class="danger" onClick={cancel}>
            {t("composer.cancel")}
          </button>
        )}
        {!streaming && lastAnswer && (
          <>
            <button type="button" class="secondary" onClick={regenerate}>
              {t("msg.regenerate")}
            </button>
            <CopyButton text={lastAnswer.content} label={t("msg.copy_last")} />
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
