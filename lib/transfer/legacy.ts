/**
 * Import of the old Streamlit app's JSON: a list of
 * `{role, content_text, timestamp, feedback}`.
 *
 * - `timestamp`: a local date-time string (`2024-05-01 10:20:30`, read in the
 *   import's zone), ISO 8601 with an offset, a time only (today's date), or
 *   epoch seconds / milliseconds (numbers below 10^11 are seconds). Missing or
 *   null: the previous message's time, with a warning.
 * - `role`: user, assistant (or bot), system; any other is skipped with a warning.
 * - `feedback`: null, "like"/"dislike", 👍/👎, or Streamlit's `st.feedback`
 *   values 1/0; anything else is dropped with a warning.
 * - `content` is read when `content_text` is absent.
 */
import { z } from "zod";
import type { Feedback, Role } from "@/lib/chats/types.ts";
import type { ImportContext } from "./context.ts";
import { ImportError } from "./errors.ts";
import { parseOrThrow, showValue, typeName, typeOf } from "./schema_errors.ts";
import { isoInZone, parseStamp } from "./timestamp.ts";
import { chatTitle } from "./titles.ts";
import type { ImportedChat, ImportedMessage } from "./types.ts";

// zod 4 requires a key even when its schema is z.unknown(): the old app left
// feedback (and sometimes the time stamp) out, so both must be optional.
const Item = z.object({
  role: z.string(),
  content_text: z.string(),
  timestamp: z.unknown().optional(),
  feedback: z.unknown().optional(),
});

const ROLES: Record<string, Role> = {
  user: "user",
  assistant: "assistant",
  bot: "assistant",
  system: "system",
};

const LIKE = new Set(["like", "👍", "thumbs_up", "up", "1"]);
const DISLIKE = new Set(["dislike", "👎", "thumbs_down", "down", "0"]);

/** Whether parsed JSON looks like the old app's export. */
export function isLegacyJson(data: unknown): data is unknown[] {
  if (!Array.isArray(data)) return false;
  const first = data.find((item) => typeof item === "object" && item !== null);
  return first !== undefined &&
    ("content_text" in first || ("role" in first && "timestamp" in first));
}

/** Reads the old app's JSON export as one chat. */
export function parseLegacy(
  items: unknown[],
  context: ImportContext,
): ImportedChat {
  const messages: ImportedMessage[] = [];
  let previous = context.now.getTime();
  items.forEach((raw, index) => {
    const position = { message: index + 1 };
    const record = raw as Record<string, unknown> | null;
    const item = parseOrThrow(Item, withContent(record), position);
    const role = ROLES[item.role.trim().toLowerCase()];
    if (!role) {
      context.warnings.add(
        "import.warning.role",
        { role: item.role },
        position,
      );
      return;
    }
    let ms = readTimestamp(item.timestamp, context, position);
    if (ms === undefined) {
      context.warnings.add("import.warning.no_time", {}, position);
      ms = previous;
    }
    previous = ms;
    const message: ImportedMessage = {
      role,
      content: item.content_text,
      createdAt: isoInZone(ms, context.timeZone),
      status: "complete",
    };
    const feedback = readFeedback(item.feedback);
    if (feedback === "unknown") {
      context.warnings.add("import.warning.feedback", {
        value: showValue(item.feedback),
      }, position);
    } else if (feedback) message.feedback = feedback;
    messages.push(message);
  });
  if (messages.length === 0) throw new ImportError("import.error.no_chats");
  const { title, titleFixed } = chatTitle(undefined, messages, context);
  return {
    title,
    titleFixed,
    pinned: false,
    createdAt: messages[0].createdAt,
    updatedAt: messages.at(-1)!.createdAt,
    settings: {},
    messages,
    sourceMessageIds: messages.map(() => null),
  };
}

function withContent(record: Record<string, unknown> | null): unknown {
  if (
    record && typeof record === "object" && record.content_text === undefined &&
    typeof record.content === "string"
  ) return { ...record, content_text: record.content };
  return record;
}

function readTimestamp(
  value: unknown,
  context: ImportContext,
  position: { message: number },
): number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  let ms: number | undefined;
  if (typeof value === "number") ms = fromEpoch(value);
  else if (typeof value === "string") {
    ms = /^\d+(\.\d+)?$/.test(value.trim())
      ? fromEpoch(Number(value))
      : parseStamp(value, context.timeZone, context.now);
  } else {
    throw new ImportError("import.error.type", {
      field: "timestamp",
      expected: typeName("date"),
      actual: typeName(typeOf(value)),
    }, position);
  }
  if (ms === undefined) {
    throw new ImportError("import.error.date", {
      field: "timestamp",
      value: showValue(value),
      example: "2024-05-01 10:20:30",
    }, position);
  }
  return ms;
}

function fromEpoch(value: number): number | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  const ms = value < 1e11 ? value * 1000 : value;
  // Beyond year 9999 an ISO string needs six-digit years.
  return ms < 253402300800000 ? Math.round(ms) : undefined;
}

function readFeedback(value: unknown): Feedback | "unknown" {
  if (value === undefined || value === null || value === "") return null;
  const text = String(value).trim().toLowerCase();
  if (LIKE.has(text)) return "like";
  if (DISLIKE.has(text)) return "dislike";
  return "unknown";
}
