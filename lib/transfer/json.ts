/**
 * The lossless chatai JSON format. One chat:
 * `{"format": "chatai", "version": 1, "exportedAt", "chat": {...}, "messages": [...]}`;
 * every chat of a user: `{"format": "chatai", "version": 1, "exportedAt",
 * "chats": [{"chat", "messages"}, ...]}`. Every field of `Chat` and `Message`
 * is written in a fixed order; optional fields that are absent stay absent
 * (so `feedback: null` and no feedback remain distinct).
 */
import type { Chat, Message } from "@/lib/chats/types.ts";
import type { ChatExport } from "./types.ts";

/** The `format` marker of chatai JSON files. */
export const CHATAI_FORMAT = "chatai";
/** The JSON format version this code writes and reads. */
export const CHATAI_VERSION = 1;

/** Options of the JSON exporters. */
export interface JsonExportOptions {
  /** Written as `exportedAt`; default: the current time. */
  now?: Date;
}

/** One chat as chatai JSON. */
export function exportJson(
  { chat, messages }: ChatExport,
  { now = new Date() }: JsonExportOptions = {},
): string {
  return stringify({
    ...header(now),
    chat: chatFields(chat),
    messages: messages.map(messageFields),
  });
}

/** Every given chat as one chatai JSON file. */
export function exportAllJson(
  chats: ChatExport[],
  { now = new Date() }: JsonExportOptions = {},
): string {
  return stringify({
    ...header(now),
    chats: chats.map(({ chat, messages }) => ({
      chat: chatFields(chat),
      messages: messages.map(messageFields),
    })),
  });
}

/**
 * The same file as exportAllJson, in parts: one per chat, read from `chats`
 * as they come, so an export of every chat never sits in memory whole.
 */
export async function* exportAllJsonParts(
  chats: AsyncIterable<ChatExport>,
  { now = new Date() }: JsonExportOptions = {},
): AsyncGenerator<string> {
  // The header object without its closing "\n}", then the array opened.
  yield `${JSON.stringify(header(now), null, 2).slice(0, -2)},\n  "chats": [`;
  let first = true;
  for await (const { chat, messages } of chats) {
    const entry = JSON.stringify(
      { chat: chatFields(chat), messages: messages.map(messageFields) },
      null,
      2,
    );
    // JSON escapes "\n" in strings, so every line is structure (a regex's
    // ^ would also match after U+2028, which JSON leaves as it is).
    const indented = entry.split("\n").map((line) => `    ${line}`).join("\n");
    yield `${first ? "\n" : ",\n"}${indented}`;
    first = false;
  }
  yield first ? "]\n}\n" : "\n  ]\n}\n";
}

function header(now: Date) {
  return {
    format: CHATAI_FORMAT,
    version: CHATAI_VERSION,
    exportedAt: now.toISOString(),
  };
}

function stringify(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Drops the keys whose value is `undefined`. */
function defined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

function chatFields(chat: Chat): Chat {
  return defined({
    id: chat.id,
    title: chat.title,
    titleFixed: chat.titleFixed,
    pinned: chat.pinned,
    pinnedAt: chat.pinnedAt,
    createdAt: chat.createdAt,
    updatedAt: chat.updatedAt,
    model: chat.model,
    persona: chat.persona,
    systemPrompt: chat.systemPrompt,
    temperature: chat.temperature,
    contextMessages: chat.contextMessages,
  });
}

function messageFields(message: Message): Message {
  const { usage, error } = message;
  return defined({
    id: message.id,
    role: message.role,
    content: message.content,
    createdAt: message.createdAt,
    status: message.status,
    model: message.model,
    usage: usage && defined({
      promptTokens: usage.promptTokens,
      completionTokens: usage.completionTokens,
      cost: usage.cost,
    }),
    feedback: message.feedback,
    reasoning: message.reasoning,
    error: error && { code: error.code, message: error.message },
    command: message.command,
  });
}
