/**
 * What the conversation column shows of a chat: the current branch (a long
 * chat's latest messages), the versions of each message, the answers' HTML
 * rendered before the page, and the answer still streaming, which the chat
 * island shows and follows. Shared by the chat page and its history
 * fragment (`/chats/:id/history`), which the browser re-reads after a turn.
 */
import type { ChatStore } from "@/lib/chats/store/mod.ts";
import type { GenerationRunner } from "@/lib/generation/runner.ts";
import { prepareMarkdown } from "@/lib/markdown/prepare.ts";
import type { Lang } from "@/lib/i18n/mod.ts";
import { shownMessage } from "./app_texts.ts";
import { answerGroups, currentBranch } from "./branch.ts";
import type { Message } from "./types.ts";

/** How many of a chat's latest messages are shown by default. */
export const RECENT_MESSAGES = 200;

/** The conversation column's data. */
export interface ConversationData {
  /** The current branch's shown messages, the streaming answer left out. */
  history: Message[];
  /** The answer still being written, if any: the chat island shows it. */
  streaming: Message | null;
  /** Group → ids of its versions, oldest first. */
  groups: Record<string, string[]>;
  /** Messages left out at the top of a long chat (see `?history=all`). */
  earlier: number;
  /** The answers' HTML by text (see `prepare.ts`). */
  prepared: ReadonlyMap<string, string>;
  /** Answers whose body the browser keeps (see `loadConversation`'s `keep`). */
  keep?: ReadonlySet<string>;
}

/** The conversation of a chat with no messages (an unsaved new chat). */
export const EMPTY_CONVERSATION: ConversationData = {
  history: [],
  streaming: null,
  groups: {},
  earlier: 0,
  prepared: new Map(),
};

/** Reads the conversation of chat `chatId` as the page shows it. */
export async function loadConversation(options: {
  store: ChatStore;
  runner: GenerationRunner;
  owner: string;
  chatId: string;
  /** Every message rather than the latest ones. */
  all?: boolean;
  /** The UI language: the app's own texts in messages are shown in it. */
  lang: Lang;
  /** Answers the browser shows already: their HTML is neither made nor sent. */
  keep?: ReadonlySet<string>;
}): Promise<ConversationData> {
  const { store, runner, owner, chatId } = options;
  // An answer whose writer died shows as interrupted, not typing forever.
  await runner.repair(owner, chatId);
  const messages = (await store.listMessages(owner, chatId)) ?? [];
  const branch = currentBranch(messages);
  const shown = branch.slice(options.all ? 0 : -RECENT_MESSAGES).map((m) =>
    shownMessage(m, options.lang)
  );
  const last = shown.at(-1);
  const streaming = last?.status === "streaming" ? last : null;
  const history = streaming ? shown.slice(0, -1) : shown;
  const answers = shown.filter((m) => m.role === "assistant");
  const prepared = await prepareMarkdown({
    owner,
    final: answers.filter((m) =>
      m.status !== "streaming" && !options.keep?.has(m.id)
    ).map((m) => m.content),
    growing: streaming ? [streaming.content] : [],
  });
  return {
    history,
    streaming,
    groups: answerGroups(messages),
    earlier: branch.length - shown.length,
    prepared,
    keep: options.keep,
  };
}
