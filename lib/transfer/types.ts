/** Shapes shared by the export and import formats. */
import type { Chat, ChatSettings, Message } from "@/lib/chats/types.ts";
import type { Lang } from "@/lib/i18n/mod.ts";

/** One chat with its messages, as the exporters take it. */
export interface ChatExport {
  chat: Chat;
  messages: Message[];
}

/** The export formats: lossless JSON, the old app's TXT, and Markdown. */
export type ExportFormat = "json" | "txt" | "md";

/** An imported message: no `id`, since the store assigns new ones. */
export type ImportedMessage = Omit<Message, "id">;

/** The chat fields an import carries itself (`pinnedAt` only when pinned). */
export type ImportedChatFields =
  | "title"
  | "titleFixed"
  | "pinned"
  | "pinnedAt"
  | "createdAt"
  | "updatedAt";

/**
 * An imported chat, ready for the store. `titleFixed` is true when the title
 * came from the file, so automatic titling must not replace it. `settings`
 * holds only what the source carries (all five for chatai JSON, none for the
 * other formats): the store fills the rest with its defaults, so
 * `{...settings, title, titleFixed, createdAt, updatedAt}` is a `ChatInit`.
 */
export interface ImportedChat extends Pick<Chat, ImportedChatFields> {
  /** The chat's id in the source file, for reference only. */
  sourceId?: string;
  settings: Partial<ChatSettings>;
  messages: ImportedMessage[];
  /**
   * The messages' ids in the source file (chatai JSON, ChatGPT), index for
   * index with `messages`, `null` where there is none; for reference only.
   * Kept apart so that a message can go to the store as it is.
   */
  sourceMessageIds: (string | null)[];
}

/** What `parseImport()` returns. */
export interface ImportResult {
  chats: ImportedChat[];
  /** Things skipped or changed on the way, already in the UI language (`lang`). */
  warnings: string[];
}

/** Options of `parseImport()`. */
export interface ImportOptions {
  /** IANA zone in which the file's local times are read (TXT, Markdown, the old app's JSON). Default Asia/Jakarta. */
  timeZone?: string;
  /** The import's time: the date of time-only stamps, and the time of chats without any. Default: the current time. */
  now?: Date;
  /** Language of the warnings. Default Indonesian. */
  lang?: Lang;
  /** Larger files are refused with `ImportTooLargeError`. Default 20 MB. */
  maxBytes?: number;
  /** A chat with more messages is refused with `ImportTooManyMessagesError`. Default 2,000. */
  maxMessagesPerChat?: number;
}
