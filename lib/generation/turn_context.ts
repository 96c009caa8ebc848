/** What every step of a turn receives: who asks, and in which chat. */
import type { Actor } from "@/lib/actor.ts";
import type { Chat } from "@/lib/chats/types.ts";

/** The actor of a turn and the chat it runs in (as read when it began). */
export interface TurnContext extends Actor {
  chat: Chat;
}
