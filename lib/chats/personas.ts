/** The personas of the old app, with their system prompts in the UI language. */
import { type Lang, type MessageKey, t } from "@/lib/i18n/mod.ts";

/** Persona ids; "custom" means the chat's own system prompt. */
export const PERSONAS = [
  "general",
  "creative",
  "historian",
  "translator",
  "math",
  "custom",
] as const;
export type Persona = (typeof PERSONAS)[number];

/** The persona of a new chat unless another is given. */
export const DEFAULT_PERSONA: Persona = "general";

/** Whether `value` is a persona id. */
export function isPersona(value: unknown): value is Persona {
  return PERSONAS.includes(value as Persona);
}

/** The persona's name in `lang`. */
export function personaName(persona: Persona, lang: Lang): string {
  return t(lang, `persona.${persona}.name` as MessageKey);
}

/** The preset system prompt of a persona in `lang` ("" for custom). */
export function personaPrompt(persona: string, lang: Lang): string {
  if (!isPersona(persona) || persona === "custom") return "";
  return t(lang, `persona.${persona}.prompt` as MessageKey);
}

/** The system prompt a chat sends: its own text, else its persona's preset. */
export function effectiveSystemPrompt(
  chat: { persona: string; systemPrompt: string },
  lang: Lang,
): string {
  return chat.systemPrompt.trim() || personaPrompt(chat.persona, lang);
}
