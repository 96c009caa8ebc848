/**
 * The conversation in the browser as one pure reducer: events in (the
 * event stream's, the link's, the user's requests), state out. The server
 * renders the history; this state holds only what changed since: the live
 * tail (messages of this page's turns), which history is superseded
 * (regenerate, edit), the link to the running answer and the problem to
 * show. Islands render it; `conversation_controller.ts` feeds it.
 */
import type { Message, MessageError } from "@/lib/chats/types.ts";
import type { MessageKey } from "@/lib/i18n/mod.ts";
import {
  isRunning,
  type Link,
  type LinkEvent,
  mergeStored,
  nextLink,
} from "./stream_state.ts";

/** What went wrong with a request: the API's text (in the UI language) or a key of ours. */
export type Problem = { text: string } | { key: MessageKey } | null;

/** A request the user made that is on its way. */
export type RequestKind = "send" | "regenerate" | "edit";

/** The conversation's state in the browser. */
export interface ConversationState {
  /** Messages of this page's turns, after the server-rendered history. */
  tail: Message[];
  /** The first history message no longer current (regenerated or edited): hidden. */
  hideFrom: string | null;
  /** The answer the link follows. */
  answerId: string | null;
  link: Link;
  /** A request sent and not yet answered. */
  pending: RequestKind | null;
  /** What hides when the pending request is accepted. */
  pendingHide: string | null;
  problem: Problem;
  /** A quiet note (a cancel that did not arrive); gone when the answer ends. */
  notice: MessageKey | null;
  /** The history on the page no longer matches the server's: re-read it when idle. */
  stale: boolean;
}

/** Everything that changes the conversation. */
export type ConversationEvent =
  // The event stream of DESIGN.md.
  | { type: "user"; message: Message }
  | { type: "start"; message: Message }
  | { type: "delta"; text: string }
  | { type: "reasoning"; text: string }
  | { type: "error"; error: MessageError }
  | { type: "done"; message: Message; now: number }
  // The user's requests and how the server took them.
  | { type: "request"; kind: RequestKind; hideFrom?: string | null }
  /** The server accepted the request: its stream follows. */
  | { type: "accepted" }
  /** The server refused the request with `text` (its own message). */
  | { type: "refused"; text: string }
  /** The server could not be reached: nothing was sent. */
  | { type: "unreachable" }
  // The link to the running answer (see stream_state.ts).
  | { type: "link"; event: LinkEvent }
  /** `/stream` answered 204: the stored chat says how the answer ended. */
  | { type: "resynced"; stored: Message[]; now: number }
  /** The history was re-read from the server: it now holds the tail. */
  | { type: "refreshed" }
  /** A change to the history (another version chosen): re-read it. */
  | { type: "history_changed" }
  /** The answer a reload found running, learnt after the state was made. */
  | { type: "adopt"; streaming: Message }
  | { type: "problem"; problem: Problem }
  | { type: "notice"; notice: MessageKey | null };

/** The state of a page whose history the server rendered; `streaming` is an answer still running. */
export function initialConversation(
  streaming?: Message | null,
): ConversationState {
  return {
    tail: streaming ? [streaming] : [],
    hideFrom: null,
    answerId: streaming?.id ?? null,
    link: { phase: "idle" },
    pending: null,
    pendingHide: null,
    problem: null,
    notice: null,
    stale: false,
  };
}

const upsert = (list: Message[], message: Message): Message[] => {
  const i = list.findIndex((m) => m.id === message.id);
  return i === -1
    ? [...list, message]
    : list.map((m, j) => (j === i ? message : m));
};

const changeAnswer = (
  state: ConversationState,
  change: (m: Message) => Message,
): ConversationState => ({
  ...state,
  tail: state.tail.map((m) =>
    m.id === state.answerId && m.status === "streaming" ? change(m) : m
  ),
});

const withLink = (
  state: ConversationState,
  event: LinkEvent,
): ConversationState => {
  const link = nextLink(state.link, event);
  return {
    ...state,
    link,
    notice: link.phase === "idle" ? null : state.notice,
  };
};

/** The conversation after `event`. */
export function reduce(
  state: ConversationState,
  event: ConversationEvent,
): ConversationState {
  switch (event.type) {
    case "user":
      return { ...state, tail: upsert(state.tail, event.message) };
    case "start":
      // A re-attached stream starts again from the whole text so far.
      return withLink({
        ...state,
        answerId: event.message.id,
        pending: null,
        tail: upsert(state.tail, event.message),
      }, { type: "attached" });
    case "delta":
      return changeAnswer(state, (m) => ({
        ...m,
        content: m.content + event.text,
      }));
    case "reasoning":
      return changeAnswer(state, (m) => ({
        ...m,
        reasoning: (m.reasoning ?? "") + event.text,
      }));
    case "error":
      // Without an answer (refused before it started) the problem says it.
      return state.tail.some((m) => m.id === state.answerId)
        ? changeAnswer(state, (m) => ({ ...m, error: event.error }))
        : { ...state, problem: { text: event.error.message } };
    case "done": {
      const tail = upsert(state.tail, event.message);
      const next = { ...state, tail, pending: null };
      return event.message.status === "streaming"
        ? next // its writer may be gone: the link decides
        : { ...withLink(next, ended(event.message, event.now)), stale: true };
    }
    case "request":
      return {
        ...state,
        pending: event.kind,
        pendingHide: event.hideFrom ?? null,
        problem: null,
      };
    case "accepted": {
      // What the turn supersedes hides: in the tail, or else in the history.
      const hide = state.pendingHide;
      const at = hide ? state.tail.findIndex((m) => m.id === hide) : -1;
      return {
        ...state,
        // A new turn: until its `start`, no answer on screen is this one.
        answerId: null,
        tail: at === -1 ? state.tail : state.tail.slice(0, at),
        hideFrom: at === -1 ? hide ?? state.hideFrom : state.hideFrom,
        pendingHide: null,
      };
    }
    case "refused":
      return {
        ...state,
        pending: null,
        pendingHide: null,
        problem: { text: event.text },
      };
    case "unreachable":
      return {
        ...state,
        pending: null,
        pendingHide: null,
        problem: { key: "msg.unreachable" },
      };
    case "link":
      return withLink(state, event.event);
    case "resynced": {
      const tail = mergeStored(state.tail, event.stored);
      const answer = event.stored.find((m) => m.id === state.answerId) ?? null;
      const next = withLink(
        { ...state, tail, pending: null },
        ended(answer, event.now),
      );
      return { ...next, stale: next.link.phase === "idle" };
    }
    case "refreshed":
      return { ...state, tail: [], hideFrom: null, stale: false };
    case "history_changed":
      return { ...state, stale: true, problem: null };
    case "adopt":
      return state.tail.length ? state : {
        ...state,
        tail: [event.streaming],
        answerId: event.streaming.id,
      };
    case "problem":
      return { ...state, problem: event.problem };
    case "notice":
      return { ...state, notice: event.notice };
  }
}

const ended = (message: Message | null, now: number): LinkEvent => ({
  type: "ended",
  message,
  now,
});

/** Whether an answer runs, as far as the composer goes: a given-up link does not hold it. */
export function answerRunning(state: ConversationState): boolean {
  return isRunning(state.tail, state.link);
}

/** Whether a new request must wait: an answer runs or a request is on its way. */
export function busy(state: ConversationState): boolean {
  return state.pending !== null || answerRunning(state);
}

/** Whether the history may be re-read now: it is stale and nothing runs or waits. */
export function canRefresh(state: ConversationState): boolean {
  return state.stale && !busy(state) && state.link.phase === "idle";
}

/** How the link to the streaming answer stands, when it is not simply live. */
export function connectionNote(
  state: ConversationState,
): "lost" | "offline" | "gave_up" | undefined {
  const { phase } = state.link;
  return phase === "lost" || phase === "offline" || phase === "gave_up"
    ? phase
    : undefined;
}
