/**
 * Regenerating keeps earlier answers as alternatives: messages of one
 * `group`, all but one `inactive`. The current branch is what the model sees
 * as context, what exports contain and what the chat shows by default.
 */
import type { Message } from "./types.ts";

/** The messages of the current branch, in order. */
export function currentBranch(messages: Message[]): Message[] {
  return messages.filter((m) => !m.inactive);
}

/** Each answer group's message ids, oldest first (the pager's pages). */
export function answerGroups(messages: Message[]): Record<string, string[]> {
  const groups: Record<string, string[]> = {};
  for (const m of messages) if (m.group) (groups[m.group] ??= []).push(m.id);
  return groups;
}

/** The alternatives of `message` (itself included), oldest first. */
export function alternativesOf(
  messages: Message[],
  message: Message,
): Message[] {
  if (!message.group) return [message];
  return messages.filter((m) => m.group === message.group);
}

/** What selecting needs of the store. */
interface BranchStore {
  listMessages(owner: string, chatId: string): Promise<Message[] | null>;
  updateMessage(
    owner: string,
    chatId: string,
    id: string,
    patch: Partial<Omit<Message, "id">>,
  ): Promise<Message | null>;
}

/** Makes `messageId` the current answer of its group; false when it has no alternatives. */
export async function selectAlternative(
  store: BranchStore,
  owner: string,
  chatId: string,
  messageId: string,
): Promise<boolean> {
  const messages = (await store.listMessages(owner, chatId)) ?? [];
  const target = messages.find((m) => m.id === messageId);
  if (!target?.group) return false;
  for (const m of alternativesOf(messages, target)) {
    const inactive = m.id === messageId ? undefined : true;
    if (m.inactive !== inactive) {
      await store.updateMessage(owner, chatId, m.id, { inactive });
    }
  }
  return true;
}
