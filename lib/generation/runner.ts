/**
 * Runs generations in the background of the server process. A generation is
 * independent of the HTTP response that started it: closing the tab does not
 * stop it, the Cancel control does. Partial text reaches KV at least every
 * `flushIntervalMs`. The chat's lease (lease.ts) refuses a second
 * generation, also from another instance, and carries cancels to the
 * instance that runs it.
 */
import type { Message, MessageError } from "@/lib/chats/types.ts";
import type { Lang } from "@/lib/i18n/mod.ts";
import { Generation } from "./generation.ts";
import { type ChatRef, Leases } from "./lease.ts";
import { watchRemote } from "./remote_watch.ts";
import {
  type CompleteFn,
  runGeneration,
  type RunnerStore,
} from "./run_loop.ts";

export { GenerationConflictError } from "./lease.ts";
export type { CompleteFn, RunnerStore } from "./run_loop.ts";

/** Options of a runner. */
export interface RunnerOptions {
  kv: Deno.Kv;
  store: RunnerStore;
  /** Turns a failure into the message stored with the answer. */
  describeError: (error: unknown, lang: Lang) => MessageError;
  flushIntervalMs?: number;
  /** How often pending cancels from other instances are looked for. */
  cancelPollMs?: number;
  leaseMs?: number;
}

/** What `start()` runs: the stored answer to fill and where its text comes from. */
export interface StartOptions extends ChatRef {
  /** The stored assistant message, status "streaming". */
  message: Message;
  complete: CompleteFn;
  lang: Lang;
  /** The controller whose signal `complete` gets, when its request was sent before. */
  controller?: AbortController;
}

const cancelled = () => new DOMException("Cancelled by the user", "AbortError");

/** The generations of this process. */
export class GenerationRunner {
  readonly #running = new Map<string, Generation>();
  readonly #leases: Leases;
  readonly #store: RunnerStore;
  readonly #describeError: (error: unknown, lang: Lang) => MessageError;
  readonly #flushMs: number;
  readonly #cancelPollMs: number;
  #stopCancelPoll: (() => void) | undefined;

  constructor(options: RunnerOptions) {
    this.#leases = new Leases(options.kv, options.leaseMs ?? 60_000);
    this.#store = options.store;
    this.#describeError = options.describeError;
    this.#flushMs = options.flushIntervalMs ?? 1000;
    this.#cancelPollMs = options.cancelPollMs ?? 250;
  }

  /**
   * Reserves the chat for a new generation; throws `GenerationConflictError`
   * when one is running here or on another instance. Call before storing the
   * messages of the turn; `release()` undoes it when the turn is abandoned.
   * `alongside` adds the caller's own reads and writes to the same commit.
   */
  reserve(
    owner: string,
    chatId: string,
    messageId: string,
    alongside?: () => Promise<(op: Deno.AtomicOperation) => unknown>,
  ): Promise<void> {
    return this.#leases.reserve({ owner, chatId }, messageId, alongside);
  }

  /** Gives up a reservation that never started. */
  release(owner: string, chatId: string): Promise<void> {
    return this.#leases.release({ owner, chatId });
  }

  /** The message a live lease says is being generated in the chat (here or elsewhere). */
  leasedMessage(owner: string, chatId: string): Promise<string | null> {
    return this.#leases.leasedMessage({ owner, chatId });
  }

  /** Whether a generation runs in the chat, here or on another instance. */
  async isRunning(owner: string, chatId: string): Promise<boolean> {
    if (this.get(owner, chatId)) return true;
    return (await this.leasedMessage(owner, chatId)) !== null;
  }

  /** How many generations run in this process: all, or one owner's. */
  runningCount(owner?: string): number {
    if (owner === undefined) return this.#running.size;
    let count = 0;
    for (const g of this.#running.values()) if (g.owner === owner) count++;
    return count;
  }

  /** The generation running in this process for `chatId`. */
  get(owner: string, chatId: string): Generation | undefined {
    const generation = this.#running.get(chatId);
    return generation?.owner === owner ? generation : undefined;
  }

  /**
   * The event stream of the chat's running answer from its current text:
   * watched here when it runs here, else followed through KV; null when
   * none runs.
   */
  async watch(
    owner: string,
    chatId: string,
  ): Promise<ReadableStream<Uint8Array> | null> {
    const local = this.get(owner, chatId);
    if (local && !local.finished) return local.watch();
    const messageId = await this.leasedMessage(owner, chatId);
    if (!messageId) return null;
    return watchRemote({
      read: () => this.#store.getMessage(owner, chatId, messageId),
      alive: async () =>
        (await this.leasedMessage(owner, chatId)) === messageId,
    });
  }

  /** Starts generating into the stored, streaming `message`. */
  start(options: StartOptions): Generation {
    const { owner, chatId } = options;
    const generation = new Generation(
      owner,
      chatId,
      options.message,
      options.controller,
    );
    this.#running.set(chatId, generation);
    this.#stopCancelPoll ??= this.#leases.pollCancels(
      this.#cancelPollMs,
      (ref, messageId) => {
        const running = this.get(ref.owner, ref.chatId);
        if (running?.message.id === messageId && !running.finished) {
          running.controller.abort(cancelled());
        }
      },
    );
    runGeneration({
      generation,
      complete: options.complete,
      lang: options.lang,
      store: this.#store,
      leases: this.#leases,
      flushMs: this.#flushMs,
      describeError: this.#describeError,
    }).finally(() => {
      this.#running.delete(chatId);
      if (this.#running.size === 0) this.#stopPolling();
    });
    return generation;
  }

  /**
   * Cancels the chat's generation: here at once, on another instance through
   * KV. True when a generation was running.
   */
  cancel(owner: string, chatId: string): Promise<boolean> {
    const local = this.get(owner, chatId);
    if (local && !local.finished) {
      local.controller.abort(cancelled());
      return Promise.resolve(true);
    }
    return this.#leases.markCancelled({ owner, chatId });
  }

  /** Aborts every generation of this process (shutdown, tests) and waits for them to be saved. */
  async close(): Promise<void> {
    const all = [...this.#running.values()];
    for (const g of all) {
      g.controller.abort(
        new DOMException("Server shutting down", "AbortError"),
      );
    }
    await Promise.all(all.map((g) => g.done));
    this.#stopPolling();
  }

  /**
   * Marks answers that a crash or restart left "streaming" as interrupted,
   * keeping their saved text; run at start, before serving.
   */
  async recoverInterrupted(
    describe: (lang: Lang) => MessageError,
  ): Promise<number> {
    let count = 0;
    for (const ref of await this.#store.listStreaming()) {
      // Another live instance may still be writing this answer.
      if (await this.#leases.leasedMessage(ref)) continue;
      await this.#store.updateMessage(ref.owner, ref.chatId, ref.messageId, {
        status: "error",
        error: describe("id"),
      });
      count++;
    }
    return count;
  }

  #stopPolling(): void {
    this.#stopCancelPoll?.();
    this.#stopCancelPoll = undefined;
  }
}
