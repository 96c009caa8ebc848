import { useEffect, useRef } from "preact/hooks";
import { useT } from "@/lib/i18n/context.ts";
import type { MessageKey } from "@/lib/i18n/mod.ts";
import { lastAnswerCopy, watchCopyLast } from "@/lib/client/copy_last.ts";

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
        const copy = lastAnswerCopy();
        copy?.click();
        handled = !!copy;
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
    const stopCopyLast = watchCopyLast({
      copy: t("msg.copy_last"),
      copied: t("msg.copied"),
    });
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      stopCopyLast();
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
