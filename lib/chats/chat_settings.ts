/**
 * Creating chats and changing their settings. A new chat inherits the
 * settings the owner used last, as the old app's session did.
 */
import type { Services } from "@/lib/app.ts";
import { type Lang, t } from "@/lib/i18n/mod.ts";
import { ownerSettingsKey } from "@/lib/kv_keys.ts";
import type { Chat, ChatPatch, ChatSettings } from "./types.ts";

interface Actor {
  services: Services;
  owner: string;
  lang: Lang;
}

const lastUsedKey = ownerSettingsKey;
type LastUsed = Partial<
  Pick<
    ChatSettings,
    "model" | "persona" | "systemPrompt" | "temperature" | "contextMessages"
  >
>;

/** Creates a chat: given settings win, then the owner's last used ones, then defaults. */
export async function newChat(
  actor: Actor,
  init: Partial<ChatSettings> & { title?: string } = {},
): Promise<Chat> {
  const { kv, store } = actor.services;
  const last = (await kv.get<LastUsed>(lastUsedKey(actor.owner))).value ?? {};
  return await store.createChat(actor.owner, {
    ...last,
    ...init,
    title: init.title ?? t(actor.lang, "chat.untitled"),
    titleFixed: init.title !== undefined,
  });
}

/** Applies a PATCH; a new title is fixed (no more automatic titles); settings are remembered. */
export async function updateChatSettings(
  actor: Actor,
  chat: Chat,
  patch: ChatPatch,
): Promise<Chat> {
  const { kv, store } = actor.services;
  const next: ChatPatch = { ...patch };
  if (patch.title !== undefined) next.titleFixed = true;
  const updated = await store.updateChat(actor.owner, chat.id, next);
  const { model, persona, systemPrompt, temperature, contextMessages } =
    updated ?? chat;
  if (
    ["model", "persona", "systemPrompt", "temperature", "contextMessages"].some(
      (k) => k in patch,
    )
  ) {
    await kv.set(lastUsedKey(actor.owner), {
      model,
      persona,
      systemPrompt,
      temperature,
      contextMessages,
    });
  }
  return updated ?? chat;
}
