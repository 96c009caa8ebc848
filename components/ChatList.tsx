import { useLayoutEffect, useRef } from "preact/hooks";
import { groupChats, type GroupKey } from "@/lib/chats/chat_groups.ts";
import type { ChatSummary } from "@/lib/client/shell_api.ts";
import { useLang, useT } from "@/lib/i18n/context.ts";
import { type RowActions, RowMenu } from "./RowMenu.tsx";

/** What the list shows and what its rows may do. */
export interface ChatListProps {
  chats: ChatSummary[];
  currentId: string;
  timeZone: string;
  /** The page the list is on: forms come back to it. */
  back: string;
  menuOf: string | null;
  setMenuOf: (id: string | null) => void;
  renaming: string | null;
  onRenamed: (chat: ChatSummary, title: string | null) => void;
  actions: RowActions;
}

/** The chats under their date headings, each row a link and its menu. */
export function ChatList(props: ChatListProps) {
  const t = useT();
  const lang = useLang();
  const month = new Intl.DateTimeFormat(lang === "id" ? "id-ID" : "en-US", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  const heading = (key: GroupKey) => {
    if (/^\d/.test(key)) {
      const [y, m] = key.split("-").map(Number);
      return month.format(Date.UTC(y, m - 1, 15));
    }
    return t(`shell.group.${key as "today"}`);
  };
  const groups = groupChats(props.chats, {
    now: Date.now(),
    timeZone: props.timeZone,
  });
  return (
    <>
      {groups.map((group) => (
        <section class="chat-group" key={group.key}>
          <h2 class="group-label">{heading(group.key)}</h2>
          <ul>
            {group.chats.map((chat) => (
              <li
                key={chat.id}
                class="chat-row"
                data-chat-id={chat.id}
                data-current={chat.id === props.currentId || undefined}
              >
                {props.renaming === chat.id
                  ? <RenameForm chat={chat} onDone={props.onRenamed} />
                  : (
                    <a
                      href={`/chats/${chat.id}`}
                      // Switching chats swaps the page's partial, no full
                      // load; without a script it is a plain link.
                      f-client-nav
                      aria-current={chat.id === props.currentId
                        ? "page"
                        : undefined}
                      title={chat.title}
                    >
                      {chat.title}
                    </a>
                  )}
                <RowMenu
                  chat={chat}
                  back={props.back}
                  open={props.menuOf === chat.id}
                  onOpen={(open) => props.setMenuOf(open ? chat.id : null)}
                  actions={props.actions}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** The title in place, selected: Enter (or leaving the field) saves, Escape cancels. */
function RenameForm(
  props: {
    chat: ChatSummary;
    onDone: (chat: ChatSummary, title: string | null) => void;
  },
) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  const finish = (title: string | null) => {
    if (done.current) return;
    done.current = true;
    props.onDone(props.chat, title);
  };
  // Before the first paint: a key pressed right after "Rename" lands in
  // the field and replaces the selected title.
  useLayoutEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  return (
    <form
      class="rename-form"
      method="post"
      action={`/chats/${props.chat.id}/actions`}
      onSubmit={(e) => {
        e.preventDefault();
        finish(input.current!.value);
      }}
    >
      <input type="hidden" name="action" value="rename" />
      <input
        ref={input}
        name="title"
        value={props.chat.title}
        required
        maxLength={200}
        aria-label={t("shell.rename_label")}
        autoFocus
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.preventDefault();
            e.stopPropagation();
            finish(null);
          }
        }}
        onBlur={(e) => finish(e.currentTarget.value)}
      />
      <button type="submit" class="visually-hidden">
        {t("shell.rename_save")}
      </button>
    </form>
  );
}
