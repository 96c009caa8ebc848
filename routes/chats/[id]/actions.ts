import type { Handlers } from "$fresh/server.ts";
import { patchChatBody } from "@/lib/chats/schemas.ts";
import { modelAllowed } from "@/lib/chats/model_check.ts";
import { pageForm } from "@/lib/http/form.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import type { AppState } from "@/lib/state.ts";

/** A system prompt of 20 000 characters, URL-encoded, with room to spare. */
const ACTION_FORM_BYTES = 256 * 1024;

/** Where a form goes back to: the page it came from (`back`), if it is ours. */
function backTo(value: string | undefined, fallback: string): string {
  return value && /^\/(chats\/[\w-]+)?$/.test(value) ? value : fallback;
}

/** The chat forms of the page, so rename, pin, delete and settings work without JavaScript. */
export const handler = {
  async POST(req, ctx) {
    const { store, chats, models, config } = ctx.state.services;
    const owner = ctx.state.owner;
    const form = await pageForm(req, {
      maxBytes: ACTION_FORM_BYTES,
      lang: ctx.state.lang,
    });
    if (form instanceof Response) return form;
    const field = (name: string) => form.get(name)?.toString();
    // Settings chosen in an unsaved new chat store it.
    const chat = await store.getChat(owner, ctx.params.id) ??
      (field("action") === "settings"
        ? await chats.storeDraft(ctx.state, ctx.params.id)
        : null);
    if (!chat) return ctx.renderNotFound();
    // Pinning a chat from the list keeps you in the chat you are reading.
    const back = seeOther(backTo(field("back"), `/chats/${chat.id}`));
    const refuse = (name: string) =>
      seeOther(`/chats/${chat.id}?invalid=${encodeURIComponent(name)}`);
    switch (field("action")) {
      case "delete": {
        await chats.delete({ owner, chatId: chat.id });
        const to = backTo(field("back"), "/");
        return seeOther(to === `/chats/${chat.id}` ? "/" : to);
      }
      case "pin":
      case "unpin":
        await chats.update(owner, chat, { pinned: field("action") === "pin" });
        return back;
      case "rename":
      case "settings": {
        const input = field("action") === "rename"
          ? { title: field("title") }
          : {
            model: field("model") ?? chat.model,
            persona: field("persona"),
            systemPrompt: field("systemPrompt") ?? "",
            temperature: Number(field("temperature")),
            contextMessages: Number(field("contextMessages")),
          };
        const parsed = patchChatBody.safeParse(input);
        if (!parsed.success) {
          // Nothing is saved; the page names the field that was refused.
          return refuse(String(parsed.error.issues[0]?.path[0] ?? "form"));
        }
        const model = parsed.data.model;
        if (
          model && !await modelAllowed(model, {
            catalog: models,
            allowed: config.allowedModels,
            defaultModel: config.defaultModel,
            current: chat.model,
          })
        ) return refuse("model");
        await chats.update(owner, chat, parsed.data);
        return seeOther(`/chats/${chat.id}`);
      }
    }
    return back;
  },
} satisfies Handlers<unknown, AppState>;
