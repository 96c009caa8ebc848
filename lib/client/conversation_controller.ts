/**
 * The conversation of the open chat in the browser: one controller per page
 * that the chat islands share (a module-level instance, so the composer and
 * the message list see one state). It feeds the pure reducer of
 * `conversation.ts` from requests and event streams, re-attaches a broken
 * stream (the rules live in `stream_state.ts`) and re-reads the
 * server-rendered history once a turn is over.
 */
import type { Message } from "@/lib/chats/types.ts";
import { announceChatUpdate } from "@/lib/client/chat_updates.ts";
import { apiFetch, ApiRequestError, ensureOk } from "@/lib/client/api_fetch.ts";
import { playDoneSound } from "@/lib/client/sound.ts";
import { settingsSaved } from "@/lib/client/settings_saves.ts";
import { whenIdle } from "@/lib/client/when_idle.ts";
import {
  busy,
  canRefresh,
  type ConversationEvent,
  type ConversationState,
  initialConversation,
  reduce,
  type RequestKind,
} from "./conversation.ts";
import { type LinkEvent, retryPlan } from "./stream_state.ts";
import {
  answersRendered,
  keepableAnswers,
  replaceHistory,
  showsChat,
} from "./history_view.ts";

/**
 * The event-stream decoder is needed once an answer streams, not to read a
 * chat: it loads when the browser is idle after the page (or at the first
 * stream, if that comes sooner), outside the page's first load.
 */
let chatEvents:
  | Promise<typeof import("@/lib/events/chat_events.ts")>
  | undefined;
const loadChatEvents = () =>
  chatEvents ??= import("@/lib/events/chat_events.ts");
if (typeof document !== "undefined") {
  whenIdle(() => void loadChatEvents());
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const whenOnline = () =>
  new Promise((r) => addEventListener("online", r, { once: true }));
const online = () => navigator.onLine;
const now = () => Date.now();

/** The open chat's conversation: state, requests, and who listens. */
export class ConversationController {
  state: ConversationState;
  #listeners = new Set<() => void>();
  #suggest = new Set<(text: string) => void>();
  #pending = { text: "", frame: 0 };
  #looping = false;
  #refreshing = false;
  /** Turns that ended so far: a re-read started before the last one is stale. */
  #turnsEnded = 0;

  constructor(readonly chatId: string, streaming: Message | null) {
    this.state = initialConversation(streaming);
  }

  /** Applies `event` and tells the islands. */
  dispatch(event: ConversationEvent): void {
    if (event.type !== "delta") this.#flush();
    const wasBusy = busy(this.state);
    this.state = reduce(this.state, event);
    if (wasBusy && !busy(this.state)) this.#turnsEnded++;
    for (const listener of this.#listeners) listener();
    if (canRefresh(this.state)) this.#refresh();
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** A suggestion chip was chosen: the composer takes its text. */
  suggest(text: string): void {
    for (const fn of this.#suggest) fn(text);
  }

  /** Calls `fn` with each chosen suggestion. */
  onSuggest(fn: (text: string) => void): () => void {
    this.#suggest.add(fn);
    return () => this.#suggest.delete(fn);
  }

  /** Sends `content`; true once the server accepted it (the draft may go). */
  send(content: string, extra: { persona?: string } = {}): Promise<boolean> {
    return this.#run(
      "send",
      () =>
        apiFetch(`/api/chats/${this.chatId}/messages`, "POST", {
          content,
          ...extra,
        }),
    );
  }

  /** Answers the last question again; `answerId` is the answer it replaces. */
  regenerate(answerId: string | null): Promise<boolean> {
    return this.#run(
      "regenerate",
      () => apiFetch(`/api/chats/${this.chatId}/regenerate`, "POST"),
      answerId,
    );
  }

  /** Makes a new version from the user's message `messageId` with `content`. */
  edit(messageId: string, content: string): Promise<boolean> {
    return this.#run(
      "edit",
      () =>
        apiFetch(
          `/api/chats/${this.chatId}/messages/${messageId}/resend`,
          "POST",
          { content },
        ),
      messageId,
    );
  }

  /** Makes the version `id` (an answer or an edited message) the current one. */
  async selectVersion(id: string): Promise<void> {
    try {
      await ensureOk(
        await apiFetch(`/api/chats/${this.chatId}/messages/${id}`, "PATCH", {
          active: true,
        }),
      );
      this.dispatch({ type: "history_changed" });
    } catch (error) {
      this.#problem(error, "msg.unreachable_retry");
    }
  }

  /** Re-attaches to the answer a reload found running. */
  attach(): Promise<boolean> {
    return this.#follow(apiFetch(`/api/chats/${this.chatId}/stream`));
  }

  /** Asks the server to stop the answer; tries twice, then says so quietly. */
  async cancel(): Promise<void> {
    this.dispatch({ type: "notice", notice: null });
    for (const wait of [0, 1000]) {
      await sleep(wait);
      try {
        const res = await ensureOk(
          await apiFetch(`/api/chats/${this.chatId}/cancel`, "POST"),
        );
        const { cancelled } = await res.json() as { cancelled: boolean };
        // Nothing ran: without a live stream, only the stored chat tells.
        if (!cancelled && this.state.link.phase !== "live") {
          await this.#resync().catch(() => {});
        }
        return;
      } catch (error) {
        if (error instanceof ApiRequestError) {
          return this.dispatch({
            type: "problem",
            problem: { text: error.message },
          });
        }
      }
    }
    this.dispatch({ type: "notice", notice: "msg.cancel_failed" });
  }

  /** Tries to re-attach again after the link gave up. */
  retryLink(): Promise<void> {
    this.dispatch({ type: "problem", problem: null });
    this.#link({ type: "reconnect", now: now(), online: online() });
    return this.#reconnect();
  }

  #problem(error: unknown, key: "msg.unreachable_retry"): void {
    // The API's own message is in the UI language; a network error's is not.
    this.dispatch({
      type: "problem",
      problem: error instanceof ApiRequestError
        ? { text: error.message }
        : { key },
    });
  }

  #link(event: LinkEvent): void {
    this.dispatch({ type: "link", event });
  }

  async #run(
    kind: RequestKind,
    request: () => Promise<Response>,
    hideFrom: string | null = null,
  ): Promise<boolean> {
    this.dispatch({ type: "request", kind, hideFrom });
    await settingsSaved();
    let res: Response;
    try {
      res = await ensureOk(await request());
    } catch (error) {
      this.dispatch(
        error instanceof ApiRequestError
          ? { type: "refused", text: error.message }
          : { type: "unreachable" },
      );
      return false;
    }
    this.dispatch({ type: "accepted" });
    await this.#follow(Promise.resolve(res));
    return true;
  }

  /** Reads a stream; a broken one is re-attached. */
  async #follow(request: Promise<Response>): Promise<boolean> {
    try {
      const res = await ensureOk(await request);
      if (res.status === 204) {
        await this.#resync();
        return true;
      }
      if (await this.#read(res)) return true;
    } catch (error) {
      // A refusal of a re-attach (the chat is gone) ends it; anything
      // else is a broken connection.
      if (error instanceof ApiRequestError && error.status < 500) {
        this.dispatch({ type: "refused", text: error.message });
        return false;
      }
    }
    this.#link({ type: "broken", now: now(), online: online() });
    await this.#reconnect();
    return true;
  }

  /** Reads one stream; true when it ended with the answer's final message. */
  async #read(res: Response): Promise<boolean> {
    let final: Message | null = null;
    const { readChatEvents } = await loadChatEvents();
    for await (const { event, data } of readChatEvents(res.body!)) {
      switch (event) {
        case "user":
          this.dispatch({ type: "user", message: data.message });
          showChatAddress(this.chatId);
          if (data.title) {
            announceChatUpdate({ chatId: this.chatId, title: data.title });
          }
          break;
        case "start":
          this.#pending.text = "";
          this.dispatch({ type: "start", message: data.message });
          break;
        case "delta":
          this.#append(data.text);
          break;
        case "reasoning":
          this.dispatch({ type: "reasoning", text: data.text });
          break;
        case "error":
          this.dispatch({ type: "error", error: data.error });
          break;
        case "done":
          final = data.message;
          this.dispatch({ type: "done", message: data.message, now: now() });
          if (data.message.status !== "streaming") playDoneSound();
          break;
      }
    }
    return !!final && final.status !== "streaming";
  }

  // Tokens arrive faster than frames: text is applied at most once a frame.
  #append(text: string): void {
    this.#pending.text += text;
    this.#pending.frame ||= requestAnimationFrame(() => this.#flush());
  }

  #flush(): void {
    const { text, frame } = this.#pending;
    if (frame) cancelAnimationFrame(frame);
    this.#pending = { text: "", frame: 0 };
    if (!text) return;
    this.state = reduce(this.state, { type: "delta", text });
    for (const listener of this.#listeners) listener();
  }

  /** Nothing runs on the server: the stored chat says how the answer ended. */
  async #resync(): Promise<void> {
    const res = await ensureOk(await apiFetch(`/api/chats/${this.chatId}`));
    const { messages } = await res.json() as { messages: Message[] };
    this.dispatch({ type: "resynced", stored: messages, now: now() });
  }

  /** Re-attaches with backoff until the answer ends or the link gives up. */
  async #reconnect(): Promise<void> {
    if (this.#looping) return;
    this.#looping = true;
    try {
      for (;;) {
        const plan = retryPlan(this.state.link, now());
        if (plan.action === "none") return;
        if (plan.action === "give_up") return this.#link({ type: "gave_up" });
        if (plan.action === "wait_online") {
          await whenOnline();
          this.#link({ type: "online", now: now() });
          continue;
        }
        await sleep(plan.ms);
        try {
          const res = await ensureOk(
            await apiFetch(`/api/chats/${this.chatId}/stream`),
          );
          if (res.status === 204) await this.#resync();
          else if (!(await this.#read(res))) {
            this.#link({ type: "broken", now: now(), online: online() });
          }
        } catch (error) {
          if (error instanceof ApiRequestError && error.status < 500) {
            this.dispatch({
              type: "problem",
              problem: { text: error.message },
            });
            return this.#link({ type: "gave_up" });
          }
          this.#link({ type: "attempt_failed", now: now(), online: online() });
        }
      }
    } finally {
      this.#looping = false;
    }
  }

  /** Re-reads the server-rendered history; the tail it now holds goes. */
  async #refresh(): Promise<void> {
    if (this.#refreshing) return;
    this.#refreshing = true;
    try {
      // A turn that ended while a re-read was on its way needs another:
      // the HTML that came back was read before its answer was stored.
      let ended;
      do {
        ended = this.#turnsEnded;
        await this.#refreshOnce(ended);
      } while (ended !== this.#turnsEnded && canRefresh(this.state));
    } catch {
      // Offline: the tail stays on screen; the next turn's end tries again.
    } finally {
      this.#refreshing = false;
    }
  }

  /**
   * Whether this controller's chat is the page's: after a switch to another
   * chat (or back, which makes a new controller) its re-read must not
   * replace the history the page shows.
   */
  #showsPage(): boolean {
    return current === this && showsChat(this.chatId);
  }

  async #refreshOnce(ended: number): Promise<void> {
    // The islands render the turn's end after this dispatch (preact renders
    // in a microtask): only then are the bodies of its answers complete.
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The reader switched to another chat: this one is read when reopened.
    if (!this.#showsPage()) return;
    // The answers on screen keep their rendering (history_view.ts).
    const answers = this.state.tail.filter((m) => m.role === "assistant")
      .map((m) => m.id);
    await answersRendered(answers);
    const keep = keepableAnswers(answers);
    for (const ids of keep.length ? [keep, []] : [[]]) {
      const query = new URLSearchParams(location.search);
      if (ids.length) query.set("keep", ids.join(","));
      const res = await fetch(`/chats/${this.chatId}/history?${query}`);
      if (res.status !== 200) return;
      const html = await res.text();
      // A turn started (or ended) meanwhile: this HTML is older than it.
      if (!canRefresh(this.state) || ended !== this.#turnsEnded) return;
      if (!this.#showsPage()) return;
      if (replaceHistory(html)) return this.dispatch({ type: "refreshed" });
    }
  }
}

let current: ConversationController | null = null;

/** The page's controller of chat `chatId`, made by the first island that asks. */
export function conversationOf(
  chatId: string,
  streaming: Message | null = null,
): ConversationController {
  // On the server every render gets its own: nothing is shared across requests.
  if (typeof document === "undefined") {
    return new ConversationController(chatId, streaming);
  }
  if (current?.chatId !== chatId) {
    current = new ConversationController(chatId, streaming);
  } else if (streaming && !current.state.tail.length) {
    // The island that knows the running answer came second.
    current.dispatch({ type: "adopt", streaming });
  }
  return current;
}

/**
 * A new chat opened at `/` is stored with its first message: from then on
 * the address names it, so a reload or a shared link opens this chat.
 */
function showChatAddress(chatId: string): void {
  const path = `/chats/${chatId}`;
  if (location.pathname === path) return;
  history.replaceState(history.state, "", path + location.search);
}
