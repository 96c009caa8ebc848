import { useEffect, useRef } from "preact/hooks";
import { useLazyState } from "@/lib/client/lazy_state.ts";
import { ChatList } from "@/components/ChatList.tsx";
import { ConfirmDialog } from "@/components/ConfirmDialog.tsx";
import { onChatUpdate } from "@/lib/client/chat_updates.ts";
import { announceChatUpdate } from "@/lib/client/chat_updates.ts";
import {
  call,
  type ChatSummary,
  patchChat,
  summary,
} from "@/lib/client/shell_api.ts";
import { useT } from "@/lib/i18n/context.ts";

interface Props {
  chats: ChatSummary[];
  currentId: string;
  q?: string;
  timeZone: string;
  back: string;
  /** The chat shown in rename mode (`?rename=`, the no-script rename). */
  renaming?: string;
}

const byListOrder = (a: ChatSummary, b: ChatSummary) =>
  Number(b.pinned) - Number(a.pinned) || b.updatedAt.localeCompare(a.updatedAt);

/**
 * The chat list: "Search chats" filters as you type (titles and content,
 * asked of the server, debounced), the grouped rows and their menus, and
 * the delete confirmation. Titles follow renames and automatic titles.
 */
export default function ChatListPanel(props: Props) {
  const t = useT();
  const [chats, setChats] = useLazyState(props.chats);
  const [q, setQ] = useLazyState(props.q ?? "");
  const [shownQ, setShownQ] = useLazyState(props.q ?? "");
  const [menuOf, setMenuOf] = useLazyState<string | null>(null);
  const [renaming, setRenaming] = useLazyState(props.renaming ?? null);
  const [deleting, setDeleting] = useLazyState<ChatSummary | null>(null);
  const [problem, setProblem] = useLazyState("");
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const search = useRef<AbortController | null>(null);
  const failed = t("shell.action_failed");

  useEffect(() =>
    onChatUpdate((u) =>
      setChats((list) => {
        if (!list.some((c) => c.id === u.chatId)) {
          // A new chat's first message stored it: it joins the list.
          if (u.chatId !== props.currentId || !u.title || q) return list;
          const now = new Date().toISOString();
          return [{
            id: u.chatId,
            title: u.title,
            pinned: false,
            updatedAt: now,
          }]
            .concat(list).sort(byListOrder);
        }
        return list.map((c) =>
          c.id === u.chatId ? { ...c, ...(u.title && { title: u.title }) } : c
        );
      })
    ), [q]);

  const find = (text: string) => {
    setQ(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      search.current?.abort();
      const abort = search.current = new AbortController();
      try {
        const res = await fetch(
          `/api/chats?limit=200&q=${encodeURIComponent(text.trim())}`,
          { signal: abort.signal },
        );
        if (!res.ok) throw new Error(String(res.status));
        const body = await res.json() as { chats: ChatSummary[] };
        setChats(body.chats.map(summary));
        setShownQ(text.trim());
        setProblem("");
      } catch (error) {
        if ((error as Error).name !== "AbortError") setProblem(failed);
      }
    }, 250);
  };

  const attempt = async (fn: () => Promise<void>) => {
    setProblem("");
    try {
      await fn();
    } catch (error) {
      setProblem((error as Error).message);
    }
  };

  const replace = (chat: ChatSummary) =>
    setChats((list) =>
      list.map((c) => c.id === chat.id ? summary(chat) : c).sort(byListOrder)
    );

  const actions = {
    rename: (chat: ChatSummary) => setRenaming(chat.id),
    pin: (chat: ChatSummary) =>
      attempt(async () => {
        replace(await patchChat(chat.id, { pinned: !chat.pinned }, failed));
        // The menu closed with the row moving: focus stays with the row.
        document.querySelector<HTMLElement>(
          `[data-chat-id="${chat.id}"] summary`,
        )?.focus();
      }),
    remove: (chat: ChatSummary) => setDeleting(chat),
  };

  const renamed = (chat: ChatSummary, title: string | null) => {
    setRenaming(null);
    const next = title?.trim();
    if (!next || next === chat.title) return;
    attempt(async () => {
      const saved = await patchChat(chat.id, { title: next }, failed);
      replace(saved);
      announceChatUpdate({ chatId: chat.id, title: saved.title });
    });
  };

  const confirmDelete = (chat: ChatSummary) => {
    setDeleting(null);
    attempt(async () => {
      await call({ path: `/api/chats/${chat.id}`, method: "DELETE" }, failed);
      if (chat.id === props.currentId) return location.assign("/");
      setChats((list) => list.filter((c) => c.id !== chat.id));
    });
  };

  return (
    <>
      <form
        role="search"
        method="get"
        action={props.back}
        class="chat-search"
        onSubmit={(e) => {
          e.preventDefault();
          find(q);
        }}
      >
        <input
          type="search"
          name="q"
          value={q}
          maxLength={200}
          autocomplete="off"
          aria-label={t("shell.search")}
          placeholder={t("shell.search")}
          onInput={(e) => find(e.currentTarget.value)}
        />
      </form>
      <nav aria-label={t("shell.chats")} class="chat-list">
        {problem && <p role="alert" class="list-problem">{problem}</p>}
        {chats.length === 0 && (
          <p class="list-empty">
            {shownQ
              ? t("shell.search_none", { q: shownQ })
              : t("shell.no_chats")}
          </p>
        )}
        <ChatList
          chats={chats}
          currentId={props.currentId}
          timeZone={props.timeZone}
          back={props.back}
          menuOf={menuOf}
          setMenuOf={setMenuOf}
          renaming={renaming}
          onRenamed={renamed}
          actions={actions}
        />
      </nav>
      {deleting && (
        <ConfirmDialog
          title={t("shell.delete_title")}
          body={t("shell.delete_body", { title: deleting.title })}
          confirm={t("shell.delete_confirm")}
          onConfirm={() => confirmDelete(deleting)}
          onCancel={() => {
            const id = deleting.id;
            setDeleting(null);
            document.querySelector<HTMLElement>(
              `[data-chat-id="${id}"] summary`,
            )?.focus();
          }}
        />
      )}
    </>
  );
}
