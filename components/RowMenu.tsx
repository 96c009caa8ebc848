import { useEffect, useRef } from "preact/hooks";
import { useLazyState } from "@/lib/client/lazy_state.ts";
import type { ChatSummary } from "@/lib/client/shell_api.ts";
import { useT } from "@/lib/i18n/context.ts";
import { Icon } from "./Icon.tsx";

/** What the row menu asks its list to do. */
export interface RowActions {
  rename(chat: ChatSummary): void;
  pin(chat: ChatSummary): void;
  remove(chat: ChatSummary): void;
}

const FORMATS = [["json", "shell.export_json"], ["txt", "shell.export_txt"], [
  "md",
  "shell.export_md",
]] as const;

/**
 * A chat row's "Chat actions" menu. Without JavaScript it is a disclosure
 * of plain forms and links (rename opens the page with the row in rename
 * mode); with it, a menu: arrows move, Escape and a click beside close it,
 * focus returns to the button.
 */
export function RowMenu(
  props: {
    chat: ChatSummary;
    back: string;
    open: boolean;
    onOpen: (open: boolean) => void;
    actions: RowActions;
  },
) {
  const t = useT();
  const { chat, open } = props;
  const root = useRef<HTMLDetailsElement>(null);
  const [at, setAt] = useLazyState<{ top: number; left: number } | null>(null);
  const items = () => [
    ...root.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [],
  ];
  const close = (focus = true) => {
    props.onOpen(false);
    if (focus) root.current?.querySelector("summary")?.focus();
  };
  useEffect(() => {
    if (!open) return;
    // Fixed, so the list's scrolling box does not cut the menu off.
    const box = root.current!.querySelector("summary")!.getBoundingClientRect();
    const up = box.bottom + 260 > innerHeight;
    setAt({
      top: up ? Math.max(8, box.top - 250) : box.bottom + 4,
      left: Math.max(8, box.right - 208),
    });
    items()[0]?.focus();
    const away = (e: Event) => {
      if (!root.current?.contains(e.target as Node)) close(false);
    };
    document.addEventListener("pointerdown", away);
    return () => document.removeEventListener("pointerdown", away);
  }, [open]);
  const onKey = (e: KeyboardEvent) => {
    const all = items();
    const i = all.indexOf(document.activeElement as HTMLElement);
    const move = { ArrowDown: 1, ArrowUp: -1 }[e.key];
    if (move) {
      e.preventDefault();
      all[(i + move + all.length) % all.length]?.focus();
    } else if (e.key === "Home" || e.key === "End") {
      e.preventDefault();
      all[e.key === "Home" ? 0 : all.length - 1]?.focus();
    } else if (e.key === "Escape") {
      e.preventDefault();
      close();
    } else if (e.key === "Tab") close(false);
  };
  const act = (e: Event, fn: () => void) => {
    e.preventDefault();
    props.onOpen(false);
    fn();
  };
  const action = `/chats/${chat.id}/actions`;
  const label = t("shell.actions");
  return (
    <details ref={root} class="row-menu" open={open} onKeyDown={onKey}>
      <summary
        role="button"
        class="icon-button"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={(e) => {
          e.preventDefault();
          props.onOpen(!open);
        }}
      >
        <Icon name="dots" />
      </summary>
      <div
        role="menu"
        class="menu"
        aria-label={label}
        style={at ? { top: `${at.top}px`, left: `${at.left}px` } : undefined}
      >
        <a
          role="menuitem"
          href={`${props.back}?rename=${chat.id}`}
          onClick={(e) => act(e, () => props.actions.rename(chat))}
        >
          <Icon name="pencil" />
          {t("shell.rename")}
        </a>
        <form
          method="post"
          action={action}
          onSubmit={(e) => act(e, () => props.actions.pin(chat))}
        >
          <input
            type="hidden"
            name="action"
            value={chat.pinned ? "unpin" : "pin"}
          />
          <input type="hidden" name="back" value={props.back} />
          <button type="submit" role="menuitem">
            <Icon name={chat.pinned ? "unpin" : "pin"} />
            {chat.pinned ? t("shell.unpin") : t("shell.pin")}
          </button>
        </form>
        {FORMATS.map(([format, key]) => (
          <a
            key={format}
            role="menuitem"
            href={`/api/chats/${chat.id}/export?format=${format}`}
            download
            onClick={() => close(false)}
          >
            <Icon name="download" />
            {t(key)}
          </a>
        ))}
        <form
          method="post"
          action={action}
          onSubmit={(e) => act(e, () => props.actions.remove(chat))}
        >
          <input type="hidden" name="action" value="delete" />
          <input type="hidden" name="back" value={props.back} />
          <button type="submit" role="menuitem" class="menu-danger">
            <Icon name="trash" />
            {t("shell.delete")}
          </button>
        </form>
      </div>
    </details>
  );
}
