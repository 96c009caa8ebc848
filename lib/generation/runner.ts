/**
 * Runs generations in the background of the server process. A generation is
 * independent of the HTTP response that started it: closing the tab does not
 * stop it, the Cancel control does. Partial text reaches KV at least every
 * `flushIntervalMs`. The chat's lease (lease.ts) refuses a second
 * generation, also from another instance, and carries cancels to the
 * instance that runs it; the runner renews its leases on a timer, so a
 * lease lives exactly as long as its process. Answers whose lease died are
 * repaired (recovery.ts) when their chat is read and by a periodic sweep.
 */
import type { Message, MessageError } from "@/lib/chats/types.ts";
import type { Lang } from "@/lib/i18n/mod.ts";
import { Generation } from "./generation.ts";
import { InterruptedError, interruptedError } from "./errors.ts";
import { cancelled, LeaseKeeper } from "./lease_keeper.ts";
import { type ChatRef, DEFAULT_LEASE_MS, Leases } from "./lease.ts";
import { repairStale, type StreamingMessage } from "./recovery.ts";
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
  /** A lease's time to live; renewed every third of it. Default 15 s. */
  leaseMs?: number;
  /** How often every chat is swept for dead answers; default `leaseMs`. */
  sweepMs?: number;
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

/**
 * How often partial text is saved: half the one second of text a crash may
 * lose, because a write takes time of its own under load (at 300 answers a
 * whole-second interval lost up to 1.6 s).
 */
const FLUSH_MS = 500;

/** The generations of this process. */
export class GenerationRunner {
  readonly #running = new Map<string, Generation>();
  readonly #leases: Leases;
  readonly #store: RunnerStore;
  readonly #describeError: (error: unknown, lang: Lang) => MessageError;
  readonly #flushMs: number;
  readonly #sweepMs: number;
  readonly #keeper: LeaseKeeper;
  readonly #kv: Deno.Kv;
  /** Ends the remote watches of this process at shutdown. */
  readonly #closing = new AbortController();
  #sweepTimer: ReturnType<typeof setInterval> | undefined;

  constructor(options: RunnerOptions) {
    this.#kv = options.kv;
    this.#leases = new Leases(options.kv, options.leaseMs ?? DEFAULT_LEASE_MS);
    this.#store = options.store;
    this.#describeError = options.describeError;
    this.#flushMs = options.flushIntervalMs ?? FLUSH_MS;
    this.#keeper = new LeaseKeeper(
      this.#leases,
      () => this.#running.values(),
      options.cancelPollMs ?? 250,
    );
    this.#sweepMs = options.sweepMs ?? this.#leases.leaseMs;
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
    if (this.#closing.signal.aborted) {
      return Promise.reject(new Error("The server is stopping"));
    }
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

  /**
   * Whether a generation runs in the chat, here or on another instance;
   * when none does, an answer left streaming is repaired first.
   */
  async isRunning(owner: string, chatId: string): Promise<boolean> {
    if (this.get(owner, chatId)) return true;
    if ((await this.leasedMessage(owner, chatId)) !== null) return true;
    await this.repair(owner, chatId);
    return false;
  }

  /**
   * Marks the chat's answers that no live lease or local generation
   * writes as interrupted, keeping their saved text; returns them. Call
   * before showing a chat.
   */
  async repair(owner: string, chatId: string): Promise<Message[]> {
    const refs = await this.#store.listStreaming({ owner, chatId });
    return refs.length ? await this.#repairAll(refs) : [];
  }

  #repairAll(refs: StreamingMessage[]): Promise<Message[]> {
    return repairStale({
      kv: this.#kv,
      store: this.#store,
      runsHere: (owner, chatId, messageId) =>
        this.get(owner, chatId)?.message.id === messageId,
      describe: interruptedError,
    }, refs);
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
    if (!messageId) {
      await this.repair(owner, chatId);
      return null;
    }
    return watchRemote({
      read: () => this.#store.getMessage(owner, chatId, messageId),
      alive: async () =>
        (await this.leasedMessage(owner, chatId)) === messageId,
      repair: async () =>
        (await this.#repairAll([{ owner, chatId, messageId }]))[0] ?? null,
      signal: this.#closing.signal,
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
    this.#keeper.start();
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
      if (this.#running.size === 0) this.#keeper.stop();
    });
    return generation;
  }

  /**
   * Cancels the chat's generation: here at once, on another instance through
   * KV. True when a generation was running.
   */
  async cancel(owner: string, chatId: string): Promise<boolean> {
    const local = this.get(owner, chatId);
    if (local && !local.finished) {
      local.controller.abort(cancelled());
      return true;
    }
    if (await this.#leases.markCancelled({ owner, chatId })) return true;
    await this.repair(owner, chatId);
    return false;
  }

  /**
   * Stops every generation of this process (shutdown, tests): each is
   * saved with its text as interrupted and its watchers get `error` and
   * `done`; remote watches end (their answer goes on elsewhere).
   */
  async close(): Promise<void> {
    const all = [...this.#running.values()];
    for (const g of all) {
      g.controller.abort(new InterruptedError("The server is stopping"));
    }
    this.#closing.abort();
    await Promise.all(all.map((g) => g.done));
    this.#keeper.stop();
    clearInterval(this.#sweepTimer);
    this.#sweepTimer = undefined;
  }

  /**
   * Marks every answer left streaming without a live lease (a crash, a
   * killed instance) as interrupted, keeping its saved text; returns how
   * many. A predecessor's leases on this host count as dead at once.
   */
  async recoverInterrupted(): Promise<number> {
    return (await this.#repairAll(await this.#store.listStreaming())).length;
  }

  /** Repairs dead answers of every chat every `sweepMs`, until `close()`. */
  startSweep(): void {
    this.#sweepTimer ??= setInterval(() => {
      this.recoverInterrupted().catch((error) =>
        console.error("Could not repair interrupted answers:", error)
      );
    }, this.#sweepMs);
  }
}
