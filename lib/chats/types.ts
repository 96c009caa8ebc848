/** Shapes of chats and messages as the HTTP API and the store exchange them (DESIGN.md). */

export type Role = "user" | "assistant" | "system";
export type MessageStatus = "complete" | "streaming" | "cancelled" | "error";
export type Feedback = "like" | "dislike" | null;

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  cost?: number;
}

export interface MessageError {
  code: string;
  message: string;
}

export interface Message {
  id: string;
  role: Role;
  content: string;
  /** ISO 8601 with offset. */
  createdAt: string;
  status: MessageStatus;
  model?: string;
  reasoning?: string;
  usage?: Usage;
  error?: MessageError;
  feedback?: Feedback;
  /** Set on a `!command` and its answer: shown, never sent to the model as context. */
  command?: boolean;
  /** Answers to the same question (regenerated) share a group: the first answer's id. */
  group?: string;
  /** An alternative answer that is not the current one: shown on request, never sent or exported. */
  inactive?: boolean;
  /** A message put aside with an older version of the conversation: the id of that version's user message. */
  versionOf?: string;
}

/** One chat of one owner. */
export interface ChatRef {
  owner: string;
  chatId: string;
}

/** One message of one chat of one owner. */
export interface MessageRef extends ChatRef {
  id: string;
}

export interface ChatSettings {
  model: string;
  persona: string;
  systemPrompt: string;
  /** 0.0 to 1.0, step 0.05. */
  temperature: number;
  /** How many earlier messages are sent as context: 2 to 30. */
  contextMessages: number;
}

export interface Chat extends ChatSettings {
  id: string;
  title: string;
  /** True once the user renamed the chat: the automatic title no longer applies. */
  titleFixed: boolean;
  pinned: boolean;
  /** When the chat was last pinned; orders pinned chats, most recent first. */
  pinnedAt?: string;
  createdAt: string;
  updatedAt: string;
}

/** What a new chat may be created with; everything else gets a default. */
export type ChatInit = Partial<
  & Pick<
    Chat,
    "title" | "titleFixed" | "pinned" | "pinnedAt" | "createdAt" | "updatedAt"
  >
  & ChatSettings
>;

/** What `PATCH /api/chats/:id` may change. */
export type ChatPatch = Partial<
  Pick<Chat, "title" | "titleFixed" | "pinned" | "updatedAt"> & ChatSettings
>;

export const CONTEXT_MESSAGES_MIN = 2;
export const CONTEXT_MESSAGES_MAX = 30;
export const CONTEXT_MESSAGES_DEFAULT = 10;
export const TEMPERATURE_DEFAULT = 0.7;
