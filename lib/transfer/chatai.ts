/**
 * Import of chatai JSON (see `json.ts`). Lossless, with three exceptions, each
 * with a warning: a message with an unknown role is skipped; a chat setting
 * out of range (e.g. temperature 3) is left to the store's default; a message
 * still `streaming` when exported becomes `cancelled`, since no generation
 * will ever finish it. Ids are kept as `sourceId` / `sourceMessageIds`.
 */
import { z } from "zod";
import type { ChatSettings } from "@/lib/chats/types.ts";
import { settingSchemas } from "@/lib/chats/schemas.ts";
import type { ImportContext } from "./context.ts";
import { ImportError, type ImportPosition } from "./errors.ts";
import { CHATAI_VERSION } from "./json.ts";
import { parseOrThrow, showValue } from "./schema_errors.ts";
import type { ImportedChat, ImportedMessage } from "./types.ts";

const Iso = z.iso.datetime({ offset: true });
const ROLES: readonly string[] = ["user", "assistant", "system"];

const MessageSchema = z.object({
  id: z.string().optional(),
  role: z.enum(["user", "assistant", "system"]),
  content: z.string(),
  createdAt: Iso,
  status: z.enum(["complete", "streaming", "cancelled", "error"]).optional(),
  model: z.string().nullish(),
  reasoning: z.string().nullish(),
  usage: z.object({
    promptTokens: z.number().int().min(0),
    completionTokens: z.number().int().min(0),
    cost: z.number().min(0).nullish(),
  }).nullish(),
  error: z.object({ code: z.string(), message: z.string() }).nullish(),
  feedback: z.enum(["like", "dislike"]).nullable().optional(),
  command: z.boolean().nullish(),
});

const ChatSchema = z.object({
  id: z.string().optional(),
  title: z.string(),
  titleFixed: z.boolean().optional(),
  pinned: z.boolean().optional(),
  pinnedAt: Iso.nullish(),
  createdAt: Iso,
  updatedAt: Iso,
});

// The API's own rules, so an import cannot store what the API would refuse;
// except that a persona may be one of the old app's ids (e.g. "asisten_umum"),
// which exports keep and which send no preset prompt.
const SETTINGS: { [K in keyof ChatSettings]: z.ZodType<ChatSettings[K]> } = {
  ...settingSchemas,
  persona: z.string().max(100).regex(/^[\w-]*$/),
};

const Envelope = z.object({
  format: z.literal("chatai"),
  version: z.number(),
});
const Single = z.object({ chat: z.unknown(), messages: z.array(z.unknown()) });
const All = z.object({
  chats: z.array(
    z.object({ chat: z.unknown(), messages: z.array(z.unknown()) }),
  ),
});

/** Whether parsed JSON is a chatai export (of any version). */
export function isChataiJson(data: unknown): boolean {
  return typeof data === "object" && data !== null &&
    (data as Record<string, unknown>).format === "chatai";
}

/** Reads a chatai JSON export of one chat or of all chats. */
export function parseChatai(
  data: unknown,
  context: ImportContext,
): ImportedChat[] {
  const { version } = parseOrThrow(Envelope, data);
  if (version !== CHATAI_VERSION) {
    throw new ImportError("import.error.version", { version: String(version) });
  }
  if (typeof data === "object" && data !== null && "chats" in data) {
    const { chats } = parseOrThrow(All, data);
    return chats.map((entry, index) =>
      readChat(entry.chat, entry.messages, index + 1, context)
    );
  }
  const single = parseOrThrow(Single, data);
  return [readChat(single.chat, single.messages, undefined, context)];
}

function readChat(
  rawChat: unknown,
  rawMessages: unknown[],
  chatNumber: number | undefined,
  context: ImportContext,
): ImportedChat {
  const where: ImportPosition = chatNumber ? { chat: chatNumber } : {};
  const prefix = chatNumber ? [] : ["chat"];
  const chat = parseOrThrow(ChatSchema, rawChat, where, prefix);
  const settings: Partial<ChatSettings> = {};
  const record = rawChat as Record<string, unknown>;
  for (const [name, schema] of Object.entries(SETTINGS)) {
    if (record[name] === undefined) continue;
    const result = schema.safeParse(record[name]);
    if (result.success) {
      Object.assign(settings, { [name]: result.data });
    } else {
      context.warnings.add("import.warning.setting", {
        field: name,
        value: showValue(record[name]),
      }, where);
    }
  }
  const messages: ImportedMessage[] = [];
  const sourceMessageIds: (string | null)[] = [];
  rawMessages.forEach((raw, index) => {
    const position = { ...where, message: index + 1 };
    const role = (raw as { role?: unknown } | null)?.role;
    if (typeof role === "string" && !ROLES.includes(role)) {
      context.warnings.add("import.warning.role", { role }, position);
      return;
    }
    const message = parseOrThrow(MessageSchema, raw, position);
    if (message.status === "streaming") {
      context.warnings.add("import.warning.streaming", {}, position);
    }
    messages.push(toMessage(message));
    sourceMessageIds.push(message.id ?? null);
  });
  return {
    ...(chat.id !== undefined && { sourceId: chat.id }),
    title: chat.title,
    titleFixed: chat.titleFixed ?? true,
    pinned: chat.pinned ?? false,
    ...(chat.pinnedAt && { pinnedAt: chat.pinnedAt }),
    createdAt: chat.createdAt,
    updatedAt: chat.updatedAt,
    settings,
    messages,
    sourceMessageIds,
  };
}

function toMessage(m: z.infer<typeof MessageSchema>): ImportedMessage {
  const out: ImportedMessage = {
    role: m.role,
    content: m.content,
    createdAt: m.createdAt,
    status: m.status === "streaming" ? "cancelled" : m.status ?? "complete",
  };
  if (m.model != null) out.model = m.model;
  if (m.usage != null) {
    out.usage = {
      promptTokens: m.usage.promptTokens,
      completionTokens: m.usage.completionTokens,
    };
    if (m.usage.cost != null) out.usage.cost = m.usage.cost;
  }
  if (m.feedback !== undefined) out.feedback = m.feedback;
  if (m.reasoning != null) out.reasoning = m.reasoning;
  if (m.error != null) out.error = { ...m.error };
  if (m.command != null) out.command = m.command;
  return out;
}
