/**
 * News about a chat that several islands show (its title in the heading, the
 * list and the tab): one window event, so islands need no shared state.
 */

/** What changed in a chat; absent fields did not change. */
export interface ChatUpdate {
  chatId: string;
  title?: string;
  pinned?: boolean;
}

const CHAT_UPDATED = "chatai:chat-updated";

/** Tells every island that a chat changed (a new automatic title, a rename). */
export function announceChatUpdate(update: ChatUpdate): void {
  dispatchEvent(new CustomEvent(CHAT_UPDATED, { detail: update }));
}

/** Calls `fn` with every chat update; returns the function that stops it. */
export function onChatUpdate(fn: (update: ChatUpdate) => void): () => void {
  const listener = (event: Event) => fn((event as CustomEvent).detail);
  addEventListener(CHAT_UPDATED, listener);
  return () => removeEventListener(CHAT_UPDATED, listener);
}
