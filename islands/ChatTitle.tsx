import { useEffect, useState } from "preact/hooks";
import { onChatUpdate } from "@/lib/client/chat_updates.ts";

/** The chat's title as the page heading and the tab's title, updated live (automatic title, rename). */
export default function ChatTitle(
  props: { chatId: string; title: string; appTitle: string },
) {
  const [title, setTitle] = useState(props.title);
  useEffect(() =>
    onChatUpdate((u) => {
      if (u.chatId === props.chatId && u.title) setTitle(u.title);
    }), []);
  useEffect(() => {
    document.title = `${title} · ${props.appTitle}`;
  }, [title]);
  return <h1 class="chat-title" title={title}>{title}</h1>;
}
