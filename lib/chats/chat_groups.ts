/**
 * The chat list's groups, as in ChatGPT and Open WebUI: Pinned, Today,
 * Yesterday, Previous 7 days, Previous 30 days, then one group per month.
 * Days are counted in the viewer's time zone. Browser-safe.
 */

/** What grouping needs of a chat. */
export interface GroupedChat {
  pinned: boolean;
  updatedAt: string;
}

/** A group's key: a fixed group, or a month as "YYYY-MM". */
export type GroupKey =
  | "pinned"
  | "today"
  | "yesterday"
  | "week"
  | "month"
  | `${number}-${number}`;

/** One heading of the list and its chats, in the order given. */
export interface ChatGroup<T> {
  key: GroupKey;
  chats: T[];
}

/** The day number (days since 1970-01-01) of `time` in `timeZone`. */
function dayOf(time: number, timeZone: string): { day: number; ym: string } {
  let ymd: string;
  try {
    ymd = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).format(time);
  } catch {
    ymd = new Date(time).toISOString().slice(0, 10);
  }
  const [y, m, d] = ymd.split("-").map(Number);
  return { day: Date.UTC(y, m - 1, d) / 86_400_000, ym: ymd.slice(0, 7) };
}

/** The group of one chat. */
export function groupOf(
  chat: GroupedChat,
  options: { now: number; timeZone: string },
): GroupKey {
  if (chat.pinned) return "pinned";
  const today = dayOf(options.now, options.timeZone).day;
  const { day, ym } = dayOf(Date.parse(chat.updatedAt), options.timeZone);
  const age = today - day;
  if (age <= 0) return "today";
  if (age === 1) return "yesterday";
  if (age <= 7) return "week";
  if (age <= 30) return "month";
  return ym as GroupKey;
}

/** Chats (pinned first, then newest first, as listed) under their headings. */
export function groupChats<T extends GroupedChat>(
  chats: readonly T[],
  options: { now: number; timeZone: string },
): ChatGroup<T>[] {
  const groups: ChatGroup<T>[] = [];
  for (const chat of chats) {
    const key = groupOf(chat, options);
    const last = groups.find((g) => g.key === key);
    if (last) last.chats.push(chat);
    else groups.push({ key, chats: [chat] });
  }
  return groups;
}
