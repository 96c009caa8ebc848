/**
 * The rules of the browser's link to a running answer, as a pure state
 * machine: events in (attached, broken, a failed attempt, ended with the
 * stored message, offline, online), state out, and when to try again.
 * The chat view's hook does the fetching; this module decides.
 */
import type { Message } from "@/lib/chats/types.ts";

/** Where the link to the running answer stands. */
export type Link =
  /** Nothing is attached: no answer runs, as far as the browser knows. */
  | { phase: "idle" }
  /** An event stream is attached and reading. */
  | { phase: "live" }
  /** The stream broke; trying again (`attempt` failed tries since `since`). */
  | { phase: "lost"; attempt: number; since: number }
  /** The stream broke while the browser is offline: waiting for 'online'. */
  | { phase: "offline"; since: number }
  /** Tried for too long: waits for the user to ask again. */
  | { phase: "gave_up" };

/** What happened to the link. */
export type LinkEvent =
  | { type: "attached" }
  | { type: "broken"; now: number; online: boolean }
  | { type: "attempt_failed"; now: number; online: boolean }
  /** A `done`, or the stored message after `/stream` answered 204. */
  | { type: "ended"; message: Message | null; now: number }
  | { type: "online"; now: number }
  | { type: "gave_up" }
  /** The user asks to reconnect after the link gave up. */
  | { type: "reconnect"; now: number; online: boolean };

/** What the hook does next while the link is lost. */
export type RetryPlan =
  | { action: "wait"; ms: number }
  | { action: "wait_online" }
  | { action: "give_up" }
  | { action: "none" };

/** Waits between tries: 0.5 s, 1 s, 2 s, 4 s, then 5 s. */
export const BACKOFF_MS = [500, 1000, 2000, 4000, 5000] as const;
/** How long the browser keeps trying before it asks the user. */
export const GIVE_UP_MS = 45_000;

/** The wait before try number `attempt` (0-based), capped at the last step. */
export function backoffDelay(attempt: number): number {
  return BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)];
}

const lost = (now: number, online: boolean): Link =>
  online ? { phase: "lost", attempt: 0, since: now } : {
    phase: "offline",
    since: now,
  };

/** The link after `event`. */
export function nextLink(link: Link, event: LinkEvent): Link {
  switch (event.type) {
    case "attached":
      return { phase: "live" };
    case "broken":
      // A stream that broke before it re-attached is one more failed try.
      return link.phase === "lost" && event.online
        ? { ...link, attempt: link.attempt + 1 }
        : lost(event.now, event.online);
    case "reconnect":
      return link.phase === "gave_up" ? lost(event.now, event.online) : link;
    case "attempt_failed":
      if (!event.online) {
        return {
          phase: "offline",
          since: "since" in link ? link.since : event.now,
        };
      }
      return link.phase === "lost"
        ? { ...link, attempt: link.attempt + 1 }
        : link.phase === "offline"
        ? { phase: "lost", attempt: 0, since: event.now }
        : link;
    case "online":
      // Time spent offline does not count towards giving up.
      return link.phase === "offline"
        ? { phase: "lost", attempt: 0, since: event.now }
        : link;
    case "ended":
      // A message still "streaming" has not ended: its writer may be gone.
      return event.message?.status === "streaming"
        ? link.phase === "lost"
          ? { ...link, attempt: link.attempt + 1 }
          : lost(event.now, true)
        : { phase: "idle" };
    case "gave_up":
      return { phase: "gave_up" };
  }
}

/** What to do next from `link`, at `now`. */
export function retryPlan(link: Link, now: number): RetryPlan {
  if (link.phase === "offline") return { action: "wait_online" };
  if (link.phase !== "lost") return { action: "none" };
  const ms = backoffDelay(link.attempt);
  return now + ms - link.since > GIVE_UP_MS
    ? { action: "give_up" }
    : { action: "wait", ms };
}

/** Whether an answer counts as running for the composer: a given-up link does not hold it. */
export function isRunning(messages: Message[], link: Link): boolean {
  return link.phase !== "gave_up" &&
    messages.some((m) => m.status === "streaming");
}

/**
 * The conversation after a resync from the stored chat: answers the browser
 * saw streaming take their stored state, and stored messages newer than the
 * conversation's end (shown ones, not inactive alternatives) are appended.
 */
export function mergeStored(local: Message[], stored: Message[]): Message[] {
  const byId = new Map(stored.map((m) => [m.id, m]));
  const known = new Set(local.map((m) => m.id));
  const last = Date.parse(local.at(-1)?.createdAt ?? "") || 0;
  const merged = local.map((m) =>
    m.status === "streaming" ? byId.get(m.id) ?? m : m
  );
  const newer = stored.filter((m) =>
    !known.has(m.id) && !m.inactive && Date.parse(m.createdAt) >= last
  );
  return [...merged, ...newer];
}
