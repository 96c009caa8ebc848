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
