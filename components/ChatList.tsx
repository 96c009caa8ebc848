import type { Chat } from "@/lib/chats/types.ts";
import { useT } from "@/lib/i18n/context.ts";
import { Icon } from "./Icon.tsx";

/** The sidebar's chat list with each chat's actions, as plain forms. */
export function ChatList(
  props: { chats: Chat[]; currentId?: string; q?: string },
) {
  const t = useT();
  return (
    <nav aria-label={t("nav.chats")} class="chat-list">
      <form method="post" action="/chats/new">
        <button type="submit" class="new-chat">{t("chat.new")}</button>
      </form>
      <form role="search" method="get" class="chat-search">
        <input
          type="search"
          name="q"
          value={props.q ?? ""}
          maxLength={200}
          aria-label={t("search.label")}
          placeholder={t("search.placeholder")}
        />
        <button type="submit" class="secondary">{t("search.submit")}</button>
      </form>
      {props.q && (
        <p class="search-state">
          {props.chats.length === 0 && (
            <span>{t("search.none", { q: props.q })}</span>
          )}
          <a href="?">{t("search.clear")}</a>
        </p>
      )}
      <ul>
        {props.chats.map((chat) => (
          <li class={chat.id === props.currentId ? "current" : undefined}>
            <a
              href={`/chats/${chat.id}`}
              aria-current={chat.id === props.currentId ? "page" : undefined}
            >
              {chat.title}
            </a>
            {chat.pinned && (
              <span class="pin-mark" title={t("chat.pinned")}>
                <Icon name="pin" />
              </span>
            )}
            <ChatActions chat={chat} />
          </li>
        ))}
      </ul>
      <form
        method="post"
        action="/chats/delete-all"
        data-confirm={t("chat.delete_all_confirm")}
      >
        <button type="submit" class="danger">{t("chat.delete_all")}</button>
      </form>
    </nav>
  );
}

function ChatActions({ chat }: { chat: Chat }) {
  const t = useT();
  const action = `/chats/${chat.id}/actions`;
  return (
    <div class="chat-actions">
      <details>
        <summary role="button" aria-label={t("chat.rename")}>
          <Icon name="pencil" />
        </summary>
        <form method="post" action={action}>
          <input type="hidden" name="action" value="rename" />
          <label>
            <span class="label-text">{t("chat.rename_label")}</span>
            <input name="title" value={chat.title} required maxLength={200} />
          </label>
          <button type="submit">{t("chat.rename_save")}</button>
        </form>
      </details>
      <form method="post" action={action}>
        <input
          type="hidden"
          name="action"
          value={chat.pinned ? "unpin" : "pin"}
        />
        <button
          type="submit"
          class="ghost"
          aria-label={chat.pinned ? t("chat.unpin") : t("chat.pin")}
        >
          <Icon name={chat.pinned ? "unpin" : "pin"} />
        </button>
      </form>
      <form
        method="post"
        action={action}
        data-confirm={t("chat.delete_confirm")}
      >
        <input type="hidden" name="action" value="delete" />
        <button type="submit" class="ghost" aria-label={t("chat.delete")}>
          <Icon name="trash" />
        </button>
      </form>
    </div>
  );
}
