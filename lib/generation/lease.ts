/**
 * The KV protocol that keeps one answer per chat across instances: a lease
 * per chat names the answer being generated and its holder (holder.ts), and
 * expires unless renewed (the runner renews its leases on a timer, every
 * third of their time to live); a cancel mark asks whichever instance holds
 * the lease to stop. Their keys are in `lib/kv_keys.ts`.
 */
import type { Mutation } from "@/lib/chats/store/mod.ts";
import type { ChatRef } from "@/lib/chats/types.ts";
import { type Holder, holderGone, SELF } from "./holder.ts";
import {
  generationCancelKey,
  generationCancelPrefix,
  generationLeaseKey,
} from "@/lib/kv_keys.ts";

export type { ChatRef };

/** The answer a chat is reserved for, until `expiresAt` (ms since epoch). */
export interface Lease {
  messageId: string;
  expiresAt: number;
  /** The process generating it; absent in leases written before holders. */
  holder?: Holder;
}

/** How long a lease lives unless renewed. */
export const DEFAULT_LEASE_MS = 15_000;

/** Thrown when the chat already has a running generation. */
export class GenerationConflictError extends Error {}

/** Key of a chat's lease. */
export const leaseKey = ({ owner, chatId }: ChatRef): Deno.KvKey =>
  generationLeaseKey(owner, chatId);
/** Key of a chat's cancel mark. */
export const cancelKey = ({ owner, chatId }: ChatRef): Deno.KvKey =>
  generationCancelKey(owner, chatId);

/** Whether `lease` still holds its chat: not expired, its holder not known to be gone. */
export function isLive(lease: Lease | null, now = Date.now()): boolean {
  return lease !== null && lease.expiresAt > now && !holderGone(lease.holder);
}

/** The writes that free a chat; the runner adds them to the answer's final save. */
export function releaseMutations(ref: ChatRef): Mutation[] {
  return [
    { key: leaseKey(ref), delete: true },
    { key: cancelKey(ref), delete: true },
  ];
}

/** Reads and writes the leases and cancel marks of KV. */
export class Leases {
  constructor(
    readonly kv: Deno.Kv,
    readonly leaseMs = DEFAULT_LEASE_MS,
    readonly self: Holder = SELF,
  ) {}

  #lease(messageId: string): Lease {
    return {
      messageId,
      expiresAt: Date.now() + this.leaseMs,
      holder: this.self,
    };
  }

  /**
   * Takes the chat's lease for `messageId`; throws `GenerationConflictError`
   * while another live lease holds it. `alongside` adds the caller's own
   * reads and writes to the same commit (e.g. a rate limiter's count), read
   * again on every attempt.
   */
  async reserve(
    ref: ChatRef,
    messageId: string,
    alongside?: () => Promise<(op: Deno.AtomicOperation) => unknown>,
  ): Promise<void> {
    const key = leaseKey(ref);
    for (;;) {
      const [current, add] = await Promise.all([
        this.kv.get<Lease>(key),
        alongside?.(),
      ]);
      if (isLive(current.value)) {
        throw new GenerationConflictError(
          "A generation is running in this chat",
        );
      }
      const op = this.kv.atomic().check(current).set(
        key,
        this.#lease(messageId),
      )
        .delete(cancelKey(ref));
      add?.(op);
      // A failed check is another turn's lease (seen on the next read) or
      // a change to what `alongside` read.
      if ((await op.commit()).ok) return;
    }
  }

  /**
   * Extends this process's lease of `messageId` by another `leaseMs`; false
   * when the chat's lease is no longer it (released, or taken over after
   * it expired).
   */
  async renew(ref: ChatRef, messageId: string): Promise<boolean> {
    const current = await this.kv.get<Lease>(leaseKey(ref));
    const lease = current.value;
    if (lease?.messageId !== messageId || lease.holder?.id !== this.self.id) {
      return false;
    }
    const op = this.kv.atomic().check(current).set(
      leaseKey(ref),
      this.#lease(messageId),
    );
    return (await op.commit()).ok;
  }

  /** Frees the chat (a reservation that never started, a failed save). */
  async release(ref: ChatRef): Promise<void> {
    const op = this.kv.atomic();
    for (const { key } of releaseMutations(ref)) op.delete(key);
    await op.commit();
  }

  /** The message a live lease reserves the chat for, or null. */
  async leasedMessage(ref: ChatRef): Promise<string | null> {
    const lease = (await this.kv.get<Lease>(leaseKey(ref))).value;
    return lease && isLive(lease) ? lease.messageId : null;
  }

  /** Marks the chat's leased answer as cancelled; false when none is live. */
  async markCancelled(ref: ChatRef): Promise<boolean> {
    const messageId = await this.leasedMessage(ref);
    if (!messageId) return false;
    await this.kv.set(cancelKey(ref), messageId, { expireIn: this.leaseMs });
    return true;
  }

  /**
   * Looks for cancel marks every `everyMs` and calls `onCancel` with each;
   * returns the function that stops looking.
   */
  pollCancels(
    everyMs: number,
    onCancel: (ref: ChatRef, messageId: string) => void,
  ): () => void {
    const timer = setInterval(async () => {
      try {
        const marks = this.kv.list<string>({
          prefix: generationCancelPrefix(),
        });
        for await (const { key, value } of marks) {
          const [, owner, chatId] = key as [string, string, string];
          onCancel({ owner, chatId }, value);
        }
      } catch (error) {
        console.error("Could not look for cancelled generations:", error);
      }
    }, everyMs);
    return () => clearInterval(timer);
  }
}
