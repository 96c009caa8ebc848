import { useRef, useState } from "preact/hooks";
import type { Message } from "@/lib/chats/types.ts";
import { consumeStream, ensureOk } from "./chat_stream.ts";
import { playDoneSound } from "./sound.ts";

/**
 * The conversation as the chat view holds it: messages, the answer groups
 * of the alternatives pager, and `run()`, which feeds an event-stream
 * response into them. Tokens arrive faster than frames, so text is applied
 * at most once a frame.
 */
export function useChatStream(
  initial: Message[],
  initialGroups: Record<string, string[]>,
) {
  const [messages, setMessages] = useState(initial);
  const [groups, setGroups] = useState(initialGroups);
  const [problem, setProblem] = useState("");

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

  /** Streams `request`'s answer into the conversation; `onBeforeStart` runs once it is accepted. */
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
          playDoneSound();
        },
      });
    } catch (error) {
      setProblem((error as Error).message);
    }
  }

  return {
    messages,
    setMessages,
    groups,
    setGroups,
    problem,
    setProblem,
    run,
  };
}
