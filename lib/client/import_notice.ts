/** The outcome of an import, carried over the navigation to the imported chat. */

/** The sessionStorage key of the notice. */
export const NOTICE_KEY = "chatai.import";

/** How many chats came in, and the importer's warnings. */
export interface ImportNotice {
  count: number;
  warnings: string[];
}

/** The notice left by an import, read once; null when there is none. */
export function takeImportNotice(): ImportNotice | null {
  try {
    const saved = sessionStorage.getItem(NOTICE_KEY);
    if (!saved) return null;
    sessionStorage.removeItem(NOTICE_KEY);
    return JSON.parse(saved) as ImportNotice;
  } catch {
    // A stale or foreign value: nothing to show.
    return null;
  }
}
