import { useRef, useState } from "preact/hooks";
import type { Message } from "@/lib/chats/types.ts";
import { useT } from "@/lib/i18n/context.ts";
import {
  apiFetch,
  ApiRequestError,
  consumeStream,
  ensureOk,
} from "./chat_stream.ts";
import { playDoneSound } from "./sound.ts";
import { announceChatUpdate } from "./chat_updates.ts";
import {
  type Link,
  type LinkEvent,
  mergeStored,
  nextLink,
  retryPlan,
} from "./stream_state.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const whenOnline = () =>
  new Promise((r) => addEventListener("online", r, { once: true }));
const online = () => navigator.onLine;

/** What `run()` may do around the request. */
export interface RunOptions {
  /** Runs once the server accepted the request, before its events. */
  onBeforeStart?: () => void;
  /** Runs when the server could not be reached at all (nothing was sent). */
  onUnreachable?: () => void;
  /** Re-attaches to the answer already on screen rather than starting one. */
  attach?: boolean;
}

/**
 * The conversation as the chat view holds it: messages, the answer groups
 * of the alternatives pager, the link to the running answer, and `run()`,
 * which feeds an event-stream response into them and re-attaches when the
 * connection breaks (the rules live in `stream_state.ts`). Tokens arrive
 * faster than frames, so text is applied at most once a frame. Nothing here
 * rejects: failures become `problem` or the link's state.
 */
export function useChatStream(
  chatId: string,
  initial: Message[],
  initialGroups: Record<string, string[]>,
) {
  const t = useT();
  const [messages, setMessages] = useState(initial);
  const [groups, setGroups] = useState(initialGroups);
  const [problem, setProblem] = useState("");
  /** A quiet note (a cancel that did not arrive); gone when the answer ends. */
  const [notice, setNotice] = useState("");
  const [link, setLink] = useState<Link>({ phase: "idle" });
  const linkRef = useRef(link);
  const answerId = useRef(
    initial.findLast((m) => m.status === "streaming")?.id,
  );
  const looping = useRef(false);
  const apply = (event: LinkEvent) => {
    linkRef.current = nextLink(linkRef.current, event);
    setLink(linkRef.current);
    if (linkRef.current.phase === "idle") setNotice("");
  };

  const upsert = (message: Message) => {
    const { group } = message;
    if (group) {
      setGroups((all) =>
        all[group]?.includes(message.id)
          ? all
          : { ...all, [group]: [...(all[group] ?? []), message.id] }
      );
    }
    setMessages((list) => {
      const i = list.findIndex((m) => m.id === message.id);
      return i === -1
        ? [...list, message]
        : list.map((m, j) => (j === i ? message : m));
    });
  };
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

  /** Reads one stream; true when it ended with the answer's final message. */
  async function follow(res: Response): Promise<boolean> {
    const final = await consumeStream(res, {
      onUser: (message, title) => {
        upsert(message);
        showChatAddress(chatId);
        if (title) announceChatUpdate({ chatId, title });
      },
      onStart: (message) => {
        // A re-attached stream starts from the whole text so far.
        pending.current.text = "";
        answerId.current = message.id;
        apply({ type: "attached" });
        upsert(message);
      },
      onDelta: append,
      onDone: (message) => {
        flush();
        upsert(message);
        if (message.status !== "streaming") playDoneSound();
      },
    });
    if (!final || final.status === "streaming") return false;
    apply({ type: "ended", message: final, now: Date.now() });
    return true;
  }

  /** Nothing runs on the server: the stored chat says how the answer ended. */
  async function resync(): Promise<void> {
    const res = await ensureOk(await apiFetch(`/api/chats/${chatId}`));
    const { messages: stored } = await res.json() as { messages: Message[] };
    flush();
    setMessages((list) => mergeStored(list, stored));
    const answer = stored.find((m) => m.id === answerId.current) ?? null;
    apply({ type: "ended", message: answer, now: Date.now() });
  }

  /** Re-attaches with backoff until the answer ends or the link gives up. */
  async function reconnect(): Promise<void> {
    if (looping.current) return;
    looping.current = true;
    try {
      for (;;) {
        const plan = retryPlan(linkRef.current, Date.now());
        if (plan.action === "none") return;
        if (plan.action === "give_up") return apply({ type: "gave_up" });
        if (plan.action === "wait_online") {
          await whenOnline();
          apply({ type: "online", now: Date.now() });
          continue;
        }
        await sleep(plan.ms);
        try {
          const res = await ensureOk(
            await apiFetch(`/api/chats/${chatId}/stream`),
          );
          if (res.status === 204) await resync();
          else if (!(await follow(res))) {
            apply({ type: "broken", now: Date.now(), online: online() });
          }
        } catch (error) {
          if (error instanceof ApiRequestError && error.status < 500) {
            setProblem(error.message);
            return apply({ type: "gave_up" });
          }
          apply({ type: "attempt_failed", now: Date.now(), online: online() });
        }
      }
    } finally {
      looping.current = false;
    }
  }

  /** Streams `request`'s answer into the conversation, through broken connections. */
  async function run(request: Promise<Response>, options: RunOptions = {}) {
    setProblem("");
    let accepted = false;
    try {
      const res = await ensureOk(await request);
      accepted = true;
      // A new turn: until its `start`, no answer on screen is this one.
      if (!options.attach) answerId.current = undefined;
      if (res.status === 204) return await resync();
      options.onBeforeStart?.();
      if (await follow(res)) return;
    } catch (error) {
      if (error instanceof ApiRequestError) return setProblem(error.message);
      if (!accepted) {
        options.onUnreachable?.();
        return setProblem(t("msg.unreachable"));
      }
    }
    apply({ type: "broken", now: Date.now(), online: online() });
    await reconnect();
  }

  /** Asks the server to stop the answer; tries twice, then says so quietly. */
  async function cancel(): Promise<void> {
    setNotice("");
    for (const wait of [0, 1000]) {
      await sleep(wait);
      try {
        const res = await ensureOk(
          await apiFetch(`/api/chats/${chatId}/cancel`, "POST"),
        );
        const { cancelled } = await res.json() as { cancelled: boolean };
        // Nothing ran: without a live stream, only the stored chat tells.
        if (!cancelled && linkRef.current.phase !== "live") {
          await resync().catch(() => {});
        }
        return;
      } catch (error) {
        if (error instanceof ApiRequestError) return setProblem(error.message);
      }
    }
    setNotice(t("msg.cancel_failed"));
  }

  /** Tries to re-attach again after the link gave up. */
  function retryLink(): Promise<void> {
    setProblem("");
    apply({ type: "reconnect", now: Date.now(), online: online() });
    return reconnect();
  }

  return {
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
  };
}

/**
 * A new chat opened at `/` is stored with its first message: from then on
 * the address names it, so a reload or a shared link opens this chat.
 */
function showChatAddress(chatId: string): void {
  const path = `/chats/${chatId}`;
  if (location.pathname === path) return;
  history.replaceState(history.state, "", path + location.search);
}
