/** The shell's calls of the chat API; a failure rejects with a message for the user. */
import type { Chat } from "@/lib/chats/types.ts";
import { apiFetch, ApiRequestError, ensureOk } from "./api_fetch.ts";

/** What the chat list shows of a chat. */
export interface ChatSummary {
  id: string;
  title: string;
  pinned: boolean;
  updatedAt: string;
}

/** A chat's list entry. */
export function summary(chat: ChatSummary): ChatSummary {
  const { id, title, pinned, updatedAt } = chat;
  return { id, title, pinned, updatedAt };
}

/** Calls the API; the server's message (in the UI language) or `fallback` on failure. */
export async function call<T>(
  request: { path: string; method?: string; body?: unknown },
  fallback: string,
): Promise<T> {
  try {
    const res = await ensureOk(
      await apiFetch(request.path, request.method, request.body),
    );
    return res.status === 204 ? undefined as T : await res.json() as T;
  } catch (error) {
    throw new Error(
      error instanceof ApiRequestError ? error.message : fallback,
    );
  }
}

/** Changes a chat (title, pin, settings); resolves to the chat as stored. */
export async function patchChat(
  id: string,
  patch: Record<string, unknown>,
  fallback: string,
): Promise<Chat> {
  const { chat } = await call<{ chat: Chat }>(
    { path: `/api/chats/${id}`, method: "PATCH", body: patch },
    fallback,
  );
  return chat;
}
