/** zod schemas of the chat API's request bodies (server only). */
import { z } from "zod";
import { PERSONAS } from "./personas.ts";
import { CONTEXT_MESSAGES_MAX, CONTEXT_MESSAGES_MIN } from "./types.ts";

/** Longest message a user may send (100 KB of text). */
export const MAX_MESSAGE_CHARS = 100_000;

/** Longest chat title, in UTF-16 units. */
export const MAX_TITLE_CHARS = 200;

/** Longest system prompt, in UTF-16 units. */
export const MAX_SYSTEM_PROMPT_CHARS = 20_000;

// Control characters other than tab and newlines have no place in a title.
const title = z.string().trim().min(1).max(MAX_TITLE_CHARS).regex(
  // deno-lint-ignore no-control-regex
  /^[^\u0000-\u0008\u000b-\u001f\u007f]*$/,
  "must not contain control characters",
).transform((s) => s.replace(/\s+/g, " "));

/** A chat title as the API accepts it; imports check theirs with it too. */
export const titleSchema = title;

/** A model id as the API accepts it. */
export const modelIdSchema = z.string().trim().min(1).max(200).regex(
  /^[\w.:/@-]+$/,
  "must be a model id",
);

const settings = {
  model: modelIdSchema,
  persona: z.enum(PERSONAS),
  systemPrompt: z.string().max(MAX_SYSTEM_PROMPT_CHARS),
  temperature: z.number().min(0).max(1).refine(
    (v) => Math.abs(v * 20 - Math.round(v * 20)) < 1e-9,
    "must be a multiple of 0.05",
  ),
  contextMessages: z.number().int().min(CONTEXT_MESSAGES_MIN).max(
    CONTEXT_MESSAGES_MAX,
  ),
};

/** Each chat setting as the API accepts it; imports check theirs with these. */
export const settingSchemas = settings;

/** `POST /api/chats`. */
export const createChatBody = z.strictObject({
  title: title.optional(),
  ...partial(settings),
});

/** `PATCH /api/chats/:id`. */
export const patchChatBody = z.strictObject({
  title: title.optional(),
  pinned: z.boolean().optional(),
  ...partial(settings),
});

/** `POST /api/chats/:id/messages`. */
export const sendMessageBody = z.strictObject({
  content: z.string().max(MAX_MESSAGE_CHARS).refine(
    (s) => s.trim().length > 0,
    "must not be empty",
  ),
  /** The persona an empty chat's first message is sent with (its empty state's choice). */
  persona: z.enum(PERSONAS).optional(),
});

/** `PATCH /api/chats/:id/messages/:mid`: feedback, or making an alternative answer the current one. */
export const messagePatchBody = z.strictObject({
  feedback: z.enum(["like", "dislike"]).nullable().optional(),
  active: z.literal(true).optional(),
}).refine(
  (v) => v.feedback !== undefined || v.active,
  "give feedback or active",
);

function partial<T extends Record<string, z.ZodType>>(shape: T) {
  return Object.fromEntries(
    Object.entries(shape).map(([k, v]) => [k, v.optional()]),
  ) as { [K in keyof T]: z.ZodOptional<T[K]> };
}
