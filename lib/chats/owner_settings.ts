/**
 * The settings an owner used last. A new chat inherits them, as the old
 * app's session did; changing a chat's settings remembers them.
 */
import { ownerSettingsKey } from "@/lib/kv_keys.ts";
import type { Chat, ChatPatch, ChatSettings } from "./types.ts";

/** The settings a new chat inherits. */
export type LastUsedSettings = Partial<
  Pick<
    ChatSettings,
    "model" | "persona" | "systemPrompt" | "temperature" | "contextMessages"
  >
>;

const REMEMBERED = [
  "model",
  "persona",
  "systemPrompt",
  "temperature",
  "contextMessages",
] as const;

/** The settings `owner` used last; empty when none are stored. */
export async function lastUsedSettings(
  kv: Deno.Kv,
  owner: string,
): Promise<LastUsedSettings> {
  return (await kv.get<LastUsedSettings>(ownerSettingsKey(owner))).value ?? {};
}

/** Stores `chat`'s settings as the last used ones when `patch` changed one. */
export async function rememberSettings(
  kv: Deno.Kv,
  owner: string,
  chat: Chat,
  patch: ChatPatch,
): Promise<void> {
  if (!REMEMBERED.some((k) => k in patch)) return;
  const { model, persona, systemPrompt, temperature, contextMessages } = chat;
  await kv.set(ownerSettingsKey(owner), {
    model,
    persona,
    systemPrompt,
    temperature,
    contextMessages,
  });
}
