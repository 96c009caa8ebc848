/**
 * The message actions of the whole log (Copy, Like and Dislike, Regenerate
 * and Retry, Edit, the version pager, the empty state's suggestions). The
 * history's buttons are the server's HTML: one listener on the log
 * (`delegateActions()`) serves them and the island's messages alike, and
 * loads this module with the first click, not with the page.
 */
import { h, render } from "preact";
import { MessageEditor } from "@/components/MessageEditor.tsx";
import type { Feedback, Message } from "@/lib/chats/types.ts";
import { apiFetch, ensureOk } from "@/lib/client/api_fetch.ts";
import type { Translate } from "@/lib/i18n/context.ts";
import { busy } from "./conversation.ts";
import { markCopied } from "./copied_mark.ts";
import { markFeedback } from "./feedback_mark.ts";
import type { ConversationController } from "./conversation_controller.ts";

/** Does what `button` (a `data-action` button of the log) asks. */
export function act(
  button: HTMLButtonElement,
  controller: ConversationController,
  t: Translate,
): void {
  const article = button.closest<HTMLElement>("article[data-id]");
  const id = article?.dataset.id ?? "";
  const waits = busy(controller.state);
  switch (button.dataset.action) {
    case "copy":
      return void copy(button, controller, id, t);
    case "feedback":
      return void feedback(button, controller.chatId, id);
    case "suggest":
      return controller.suggest(button.dataset.text ?? "");
    case "regenerate":
    case "retry":
      if (!waits) void controller.regenerate(id || null);
      return;
    case "version":
      if (!waits && button.dataset.version) {
        void controller.selectVersion(button.dataset.version);
      }
      return;
    case "edit":
      if (!waits && article) openEditor(article, controller);
      return;
  }
}

/** The text of message `id`: from the page's turns, else from the server. */
async function textOf(
  controller: ConversationController,
  id: string,
): Promise<string> {
  const own = controller.state.tail.find((m) => m.id === id);
  if (own) return own.content;
  const res = await ensureOk(
    await apiFetch(`/api/chats/${controller.chatId}/messages/${id}`),
  );
  return ((await res.json()) as { message: Message }).message.content;
}

async function copy(
  button: HTMLButtonElement,
  controller: ConversationController,
  id: string,
  t: Translate,
): Promise<void> {
  const text = textOf(controller, id);
  // Writing a promise keeps the click's permission while the text loads.
  if (typeof ClipboardItem !== "undefined" && navigator.clipboard.write) {
    await navigator.clipboard.write([
      new ClipboardItem({
        "text/plain": text.then((s) => new Blob([s], { type: "text/plain" })),
      }),
    ]);
  } else {
    await navigator.clipboard.writeText(await text);
  }
  markCopied({ button, id, copy: t("msg.copy"), copied: t("msg.copied") });
}

/** Like or Dislike; pressing the pressed one again clears it. */
async function feedback(
  button: HTMLButtonElement,
  chatId: string,
  id: string,
): Promise<void> {
  const before = button.parentElement?.querySelector<HTMLElement>(
    'button[data-action=feedback][aria-pressed="true"]',
  )?.dataset.feedback as Feedback | undefined ?? null;
  const pressed = button.getAttribute("aria-pressed") === "true";
  const value: Feedback = pressed
    ? null
    : button.dataset.feedback as "like" | "dislike";
  markFeedback(id, value);
  try {
    await ensureOk(
      await apiFetch(`/api/chats/${chatId}/messages/${id}`, "PATCH", {
        feedback: value,
      }),
    );
  } catch {
    markFeedback(id, before);
  }
}

/** Edits a user message in place: saving makes a new version from it. */
function openEditor(
  article: HTMLElement,
  controller: ConversationController,
): void {
  if (article.querySelector(".message-edit")) return;
  const body = article.querySelector<HTMLElement>(".message-body");
  const text = article.querySelector(".message-text")?.textContent ?? "";
  const slot = document.createElement("div");
  slot.className = "edit-slot";
  article.insertBefore(slot, body);
  article.classList.add("message--editing");
  const close = () => {
    render(null, slot);
    slot.remove();
    article.classList.remove("message--editing");
  };
  render(
    h(MessageEditor, {
      text,
      onDiscard: close,
      onSend: async (next: string) => {
        if (await controller.edit(article.dataset.id!, next)) close();
      },
    }),
    slot,
  );
}
