import { useEffect, useRef } from "preact/hooks";
import { useT } from "@/lib/i18n/context.ts";
import type { MessageKey } from "@/lib/i18n/mod.ts";
import { markCopied } from "@/lib/client/copied_mark.ts";

/** Each shortcut: its keys as shown, and what it does in words. */
const SHORTCUTS: [string, MessageKey][] = [
  ["Enter", "shortcuts.send"],
  ["Shift+Enter", "shortcuts.newline"],
  ["Esc", "shortcuts.cancel"],
  ["Ctrl/⌘+Shift+O", "shortcuts.new_chat"],
  ["Ctrl/⌘+K", "shortcuts.search"],
  ["Ctrl/⌘+Shift+C", "shortcuts.copy_last"],
  ["Ctrl/⌘+Shift+;", "shortcuts.copy_code"],
  ["Ctrl/⌘+/", "shortcuts.list"],
];

/** Clicks the last element matching `selector`: shortcuts reuse the visible controls. */
/** The Copy button of the newest answer shown. */
const LAST_ANSWER_COPY =
  "article[data-role=assistant]:not([hidden]) [data-action=copy]";

function clickLast(selector: string): boolean {
  const all = document.querySelectorAll<HTMLElement>(selector);
  const target = all[all.length - 1];
  target?.click();
  return !!target;
}

/** The keyboard shortcuts of the chat page and the dialog that lists them. */
export default function Shortcuts() {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      let handled = false;
      if (e.key === "Escape" && !dialog.current?.open) {
        handled = clickLast("[data-action=cancel]");
      } else if (mod && e.shiftKey && key === "o") {
        const link = document.querySelector<HTMLElement>(
          'a[href="/chats/new"]',
        );
        link?.click();
        handled = !!link;
      } else if (mod && !e.shiftKey && key === "k") {
        const search = document.querySelector<HTMLInputElement>(
          'input[type="search"][name="q"]',
        );
        search?.focus();
        handled = !!search;
      } else if (mod && e.shiftKey && key === "c") {
        handled = clickLast(LAST_ANSWER_COPY);
      } else if (
        mod && e.shiftKey &&
        (e.key === ";" || e.key === ":" || e.code === "Semicolon")
      ) {
        handled = clickLast(".copy-code");
      } else if (mod && (e.key === "/" || e.code === "Slash")) {
        dialog.current?.showModal();
        handled = true;
      }
      if (handled) e.preventDefault();
    };
    // The header's "Copy last response" (components/ChatShell.tsx).
    const onClick = (e: MouseEvent) => {
      const button = (e.target as Element).closest<HTMLElement>(
        "[data-copy-last]",
      );
      if (!button || !clickLast(LAST_ANSWER_COPY)) return;
      const copy = t("msg.copy_last");
      markCopied({ button, copy, copied: t("msg.copied") });
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("click", onClick);
    };
  }, []);
  return (
    <dialog ref={dialog} class="shortcuts" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">{t("shortcuts.title")}</h2>
      <dl>
        {SHORTCUTS.map(([keys, what]) => (
          <div class="shortcut">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{t(what)}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit">{t("shortcuts.close")}</button>
      </form>
    </dialog>
  );
}
