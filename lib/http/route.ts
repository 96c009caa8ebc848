/** Glue between API routes and the app: validated bodies in the UI language, the chat of a URL. */
import { admit } from "./owner_limit.ts";
import type { FreshContext } from "$fresh/server.ts";
import type { z } from "zod";
import { t } from "@/lib/i18n/mod.ts";
import type { Chat } from "@/lib/chats/types.ts";
import type { AppState } from "@/lib/state.ts";
import { ApiError, type BodyMessages, readJson } from "./api.ts";

/** The context API handlers receive. */
export type ApiContext = FreshContext<AppState>;

/** Largest JSON body of the API (a message of 100 KB plus room for JSON escapes). */
const MAX_JSON_BYTES = 256 * 1024;

/** Reads and validates a JSON body, with errors in the UI language. */
export function body<T>(
  req: Request,
  ctx: ApiContext,
  schema: z.ZodType<T>,
): Promise<T> {
  const lang = ctx.state.lang;
  const messages: BodyMessages = {
    tooLarge: (limit) => t(lang, "api.too_large", { limit }),
    notJson: t(lang, "api.not_json"),
    wrongType: t(lang, "api.wrong_type"),
    invalid: (detail) => t(lang, "api.invalid", { detail }),
  };
  return readJson(req, schema, MAX_JSON_BYTES, messages);
}

/** The chat named by the URL's `:id`, if it is the owner's; else a 404. */
export async function ownChat(ctx: ApiContext): Promise<Chat> {
  const chat = await ctx.state.services.store.getChat(
    ctx.state.owner,
    ctx.params.id,
  );
  if (!chat) {
    throw new ApiError("not_found", t(ctx.state.lang, "api.not_found"));
  }
  return chat;
}

/**
 * The chat a message goes to: the owner's chat of the URL's `:id`, or the
 * unsaved new chat of that id (`GET /` shows one before anything is
 * stored), stored now with its first message. Anything else is a 404.
 */
export async function chatForMessage(ctx: ApiContext): Promise<Chat> {
  const { store, chats } = ctx.state.services;
  const id = ctx.params.id;
  let chat = await store.getChat(ctx.state.owner, id);
  if (!chat) {
    // A new chat counts against the owner's chat quota and rate.
    await admit(async () => {
      chat = await chats.storeDraft(ctx.state, id);
    });
  }
  if (!chat) {
    throw new ApiError("not_found", t(ctx.state.lang, "api.not_found"));
  }
  return chat;
}
