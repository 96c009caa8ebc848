/**
 * Runs generations in the background of the server process. A generation is
 * independent of the HTTP response that started it: closing the tab does not
 * stop it, the Cancel control does. Partial text reaches KV at least every
 * `flushIntervalMs`. A KV lease per chat refuses a second generation, also
 * from another instance, and a cancel written to KV reaches the instance that
 * runs the generation.
 */
import type { Mutation } from "@/lib/chats/store/mod.ts";
import type { Message, MessageError } from "@/lib/chats/types.ts";
import type { CompletionEvent } from "@/lib/openrouter/client.ts";
import type { Lang } from "@/lib/i18n/mod.ts";
import { Generation } from "./generation.ts";

/** What the runner needs of the chat store. */
export interface RunnerStore {
  /** Updates a message, with `also` written in the same commit. */
  updateMessage(
    owner: string,
    chatId: string,
    messageId: string,
    patch: Partial<Message>,
    also?: Mutation[],
  ): Promise<Message | null>;
  listStreaming(): Promise<
    { owner: string; chatId: string; messageId: string }[]
  >;
}

/** Streams the model's answer for one generation. */
export type CompleteFn = (
  signal: AbortSignal,
) => AsyncIterable<CompletionEvent>;

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

/** Thrown when the chat already has a running generation. */
export class GenerationConflictError extends Error {}

interface Lease {
  messageId: string;
  expiresAt: number;
}

const leaseKey = (
  owner: string,
  chatId: string,
) => ["generation_lease", owner, chatId];
const cancelKey = (
  owner: string,
  chatId: string,
) => ["generation_cancel", owner, chatId];

/** The generations of this process. */
export class GenerationRunner {
  readonly #running = new Map<string, Generation>();
  readonly #kv: Deno.Kv;
  readonly #store: RunnerStore;
  readonly #describeError: (error: unknown, lang: Lang) => MessageError;
  readonly #flushMs: number;
  readonly #leaseMs: number;
  readonly #cancelPollMs: number;
  #cancelPoll: ReturnType<typeof setInterval> | undefined;

  constructor(options: RunnerOptions) {
    this.#kv = options.kv;
    this.#store = options.store;
    this.#describeError = options.describeError;
    this.#flushMs = options.flushIntervalMs ?? 1000;
    this.#leaseMs = options.leaseMs ?? 60_000;
    this.#cancelPollMs = options.cancelPollMs ?? 250;
  }

  /**
   * Reserves the chat for a new generation; throws `GenerationConflictError`
   * when one is running here or on another instance. Call before storing the
   * messages of the turn; `release()` undoes it when the turn is abandoned.
   * `alongside` adds the caller's own reads and writes to the same commit
   * (e.g. a rate limiter's count), read again on every attempt.
   */
  async reserve(
    owner: string,
    chatId: string,
    messageId: string,
    alongside?: () => Promise<(op: Deno.AtomicOperation) => unknown>,
  ): Promise<void> {
    const key = leaseKey(owner, chatId);
    for (;;) {
      const [current, add] = await Promise.all([
        this.#kv.get<Lease>(key),
        alongside?.(),
      ]);
      if (current.value && current.value.expiresAt > Date.now()) {
        throw new GenerationConflictError(
          "A generation is running in this chat",
        );
      }
      const lease: Lease = { messageId, expiresAt: Date.now() + this.#leaseMs };
      const op = this.#kv.atomic().check(current).set(key, lease)
        .delete(cancelKey(owner, chatId));
      add?.(op);
      // A failed check is another turn's lease (seen on the next read) or
      // a change to what `alongside` read.
      if ((await op.commit()).ok) return;
    }
  }

  /** Gives up a reservation that never started. */
  async release(owner: string, chatId: string): Promise<void> {
    await this.#kv.delete(leaseKey(owner, chatId));
  }

  /** The message a live lease says is being generated in the chat (here or elsewhere). */
  async leasedMessage(owner: string, chatId: string): Promise<string | null> {
    const lease = await this.#kv.get<Lease>(leaseKey(owner, chatId));
    return lease.value && lease.value.expiresAt > Date.now()
      ? lease.value.messageId
      : null;
  }

  /** Whether a generation runs in the chat, here or on another instance. */
  async isRunning(owner: string, chatId: string): Promise<boolean> {
    if (this.#running.has(chatId)) return true;
    const lease = await this.#kv.get<Lease>(leaseKey(owner, chatId));
    return !!lease.value && lease.value.expiresAt > Date.now();
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
   * Starts generating into the stored assistant `message` (status
   * "streaming"). `controller` is the one whose signal `complete` gets, when
   * the request was started before (an `EarlyRequest`).
   */
  start(
    owner: string,
    chatId: string,
    message: Message,
    complete: CompleteFn,
    lang: Lang,
    controller?: AbortController,
  ): Generation {
    const generation = new Generation(owner, chatId, message, controller);
    this.#running.set(chatId, generation);
    this.#ensureCancelPoll();
    this.#run(generation, complete, lang).finally(() => {
      this.#running.delete(chatId);
      if (this.#running.size === 0) this.#stopCancelPoll();
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
      local.controller.abort(
        new DOMException("Cancelled by the user", "AbortError"),
      );
      return true;
    }
    const lease = await this.#kv.get<Lease>(leaseKey(owner, chatId));
    if (!lease.value || lease.value.expiresAt <= Date.now()) return false;
    await this.#kv.set(cancelKey(owner, chatId), lease.value.messageId, {
      expireIn: this.#leaseMs,
    });
    return true;
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
    this.#stopCancelPoll();
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
      const lease = await this.#kv.get<Lease>(leaseKey(ref.owner, ref.chatId));
      // Another live instance may still be writing this answer.
      if (lease.value && lease.value.expiresAt > Date.now()) continue;
      await this.#store.updateMessage(ref.owner, ref.chatId, ref.messageId, {
        status: "error",
        error: describe("id"),
      });
      count++;
    }
    return count;
  }

  async #run(
    generation: Generation,
    complete: CompleteFn,
    lang: Lang,
  ): Promise<void> {
    const { owner, chatId } = generation;
    const messageId = generation.message.id;
    let flushed = { text: generation.text, reasoning: generation.reasoning };
    // One write in flight per answer, always of the latest text: under load
    // a queue of stale writes would delay the final save and widen the
    // window that a crash loses.
    let flushing: Promise<void> | null = null;
    let lastLease = Date.now();
    const flush = () => {
      if (flushing) return;
      const next = { text: generation.text, reasoning: generation.reasoning };
      if (next.text === flushed.text && next.reasoning === flushed.reasoning) {
        return;
      }
      flushing = (async () => {
        await this.#store.updateMessage(owner, chatId, messageId, {
          content: next.text,
          ...(next.reasoning ? { reasoning: next.reasoning } : {}),
        });
        flushed = next;
        if (Date.now() - lastLease > this.#leaseMs / 3) {
          lastLease = Date.now();
          const lease: Lease = {
            messageId,
            expiresAt: lastLease + this.#leaseMs,
          };
          await this.#kv.set(leaseKey(owner, chatId), lease);
        }
      })().catch((error) =>
        console.error(`Could not save partial answer of chat ${chatId}:`, error)
      ).finally(() => flushing = null);
    };
    const timer = setInterval(flush, this.#flushMs);
    const final: Message = { ...generation.message };
    try {
      for await (const event of complete(generation.controller.signal)) {
        switch (event.type) {
          case "delta":
            generation.appendText(event.text);
            break;
          case "reasoning":
            generation.appendReasoning(event.text);
            break;
          case "model":
            final.model = event.model;
            break;
          case "usage":
            final.usage = event.usage;
            break;
        }
      }
      final.status = "complete";
    } catch (error) {
      if (generation.controller.signal.aborted) {
        final.status = "cancelled";
      } else {
        final.status = "error";
        final.error = this.#describeError(error, lang);
      }
    } finally {
      clearInterval(timer);
    }
    final.content = generation.text;
    if (generation.reasoning) final.reasoning = generation.reasoning;
    await (flushing as Promise<void> | null);
    // The final save frees the chat in the same commit.
    const release: Mutation[] = [
      { key: leaseKey(owner, chatId), delete: true },
      { key: cancelKey(owner, chatId), delete: true },
    ];
    let saved: Message | null = null;
    try {
      saved = await this.#store.updateMessage(owner, chatId, messageId, {
        content: final.content,
        status: final.status,
        ...(final.reasoning ? { reasoning: final.reasoning } : {}),
        ...(final.model ? { model: final.model } : {}),
        ...(final.usage ? { usage: final.usage } : {}),
        ...(final.error ? { error: final.error } : {}),
      }, release);
    } catch (error) {
      console.error(`Could not save the answer of chat ${chatId}:`, error);
    }
    if (!saved) {
      const op = this.#kv.atomic();
      for (const { key } of release) op.delete(key);
      await op.commit().catch(() => {});
    }
    generation.finish(saved ?? final);
  }

  #ensureCancelPoll(): void {
    this.#cancelPoll ??= setInterval(async () => {
      try {
        for await (
          const entry of this.#kv.list<string>({
            prefix: ["generation_cancel"],
          })
        ) {
          const [, owner, chatId] = entry.key as [string, string, string];
          const generation = this.get(owner, chatId);
          if (
            generation && generation.message.id === entry.value &&
            !generation.finished
          ) {
            generation.controller.abort(
              new DOMException("Cancelled by the user", "AbortError"),
            );
          }
        }
      } catch (error) {
        console.error("Could not look for cancelled generations:", error);
      }
    }, this.#cancelPollMs);
  }

  #stopCancelPoll(): void {
    clearInterval(this.#cancelPoll);
    this.#cancelPoll = undefined;
  }
}
