/**
 * The versions of a conversation. Regenerating keeps earlier answers as
 * alternatives: messages of one `group`, all but one `inactive`. Editing a
 * user message makes a new version of the conversation from that message:
 * the old message joins a group with the new one, and what followed it
 * (the old version's tail) is kept inactive, marked `versionOf` the old
 * message, so that choosing that version again brings it back. The current
 * branch is what the model sees as context, what exports contain and what
 * the chat shows.
 */
import type { Message } from "./types.ts";

/** A change of one stored message. */
export interface MessageChange {
  id: string;
  patch: Partial<Message>;
}

/** The messages of the current branch, in order. */
export function currentBranch(messages: Message[]): Message[] {
  return messages.filter((m) => !m.inactive);
}

/** Each group's message ids, oldest first (the pager's pages). */
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

/**
 * What editing the current branch's user message `target` changes: the
 * message joins `group` inactive, and every current message after it is
 * kept as its version's tail. The new version's message is added apart.
 */
export function editChanges(
  messages: Message[],
  target: Message,
  group: string,
): MessageChange[] {
  const at = messages.findIndex((m) => m.id === target.id);
  const tail = messages.slice(at + 1).filter((m) => !m.inactive);
  return [
    { id: target.id, patch: { group, inactive: true } },
    ...tail.map((m) => ({
      id: m.id,
      patch: { inactive: true, versionOf: target.id },
    })),
  ];
}

/**
 * What making `id` the current one of its group changes; null when it has
 * no group. An answer swaps with its alternatives; a user message's version
 * also swaps the tails: the current one is put aside, its own comes back.
 */
export function versionChanges(
  messages: Message[],
  id: string,
): MessageChange[] | null {
  const target = messages.find((m) => m.id === id);
  if (!target?.group) return null;
  const members = alternativesOf(messages, target);
  const current = members.find((m) => !m.inactive && m.id !== id);
  const changes: MessageChange[] = members
    .filter((m) => (m.id === id) === !!m.inactive)
    .map((m) => ({
      id: m.id,
      patch: { inactive: m.id === id ? undefined : true },
    }));
  if (target.role !== "user" || !current) return changes;
  const at = messages.indexOf(current);
  for (const m of messages.slice(at + 1)) {
    if (!m.inactive && m.group !== target.group) {
      changes.push({
        id: m.id,
        patch: { inactive: true, versionOf: current.id },
      });
    } else if (m.versionOf === id) {
      changes.push({
        id: m.id,
        patch: { inactive: undefined, versionOf: undefined },
      });
    }
  }
  // A tail message older than the current version sits before it.
  for (const m of messages.slice(0, at)) {
    if (m.versionOf === id) {
      changes.push({
        id: m.id,
        patch: { inactive: undefined, versionOf: undefined },
      });
    }
  }
  return changes;
}
