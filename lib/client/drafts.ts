/** A composer's unsent text, kept per chat in the browser so that a reload or a refusal loses nothing. */

const key = (chatId: string) => `chatai:draft:${chatId}`;

/** The saved draft of chat `chatId` ("" when none or storage is off). */
export function loadDraft(chatId: string): string {
  try {
    return localStorage.getItem(key(chatId)) ?? "";
  } catch {
    return "";
  }
}

/** Saves (or with "" forgets) the draft of chat `chatId`. */
export function saveDraft(chatId: string, text: string): void {
  try {
    if (text) localStorage.setItem(key(chatId), text);
    else localStorage.removeItem(key(chatId));
  } catch { /* private mode or full: the draft lives only on screen */ }
}
