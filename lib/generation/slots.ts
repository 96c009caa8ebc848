/**
 * The "at once" limits of this process: answers running per owner, in all,
 * and one per chat. A slot is taken synchronously, so that requests arriving
 * together cannot all pass a check before any of them is counted, and it is
 * taken before the turn's upstream request goes out, so a refused turn sends
 * nothing.
 */

/** A taken slot; `release()` gives it back, and does nothing the second time. */
export interface Slot {
  release(): void;
  /** Releases the slot once `done` settles. */
  releaseWhen(done: Promise<unknown>): void;
}

/** Why no slot was free. */
export type SlotRefusal = "owner" | "instance" | "chat";

/** The outcome of `take()`. */
export type SlotTake =
  | { ok: true; slot: Slot }
  | { ok: false; refused: SlotRefusal };

/** How many answers may run at once. */
export interface SlotLimits {
  perOwner: number;
  total: number;
}

/** The slots of this process. */
export class GenerationSlots {
  readonly #perOwner = new Map<string, number>();
  readonly #chats = new Set<string>();
  #total = 0;

  constructor(readonly limits: SlotLimits) {}

  /** Takes a slot for an answer of `owner` in `chatId`, or says why none is free. */
  take(owner: string, chatId: string): SlotTake {
    const chatKey = JSON.stringify([owner, chatId]);
    const mine = this.#perOwner.get(owner) ?? 0;
    if (this.#chats.has(chatKey)) return { ok: false, refused: "chat" };
    if (mine >= this.limits.perOwner) return { ok: false, refused: "owner" };
    if (this.#total >= this.limits.total) {
      return { ok: false, refused: "instance" };
    }
    this.#chats.add(chatKey);
    this.#perOwner.set(owner, mine + 1);
    this.#total++;
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      this.#chats.delete(chatKey);
      const left = (this.#perOwner.get(owner) ?? 1) - 1;
      if (left > 0) this.#perOwner.set(owner, left);
      else this.#perOwner.delete(owner);
      this.#total--;
    };
    return {
      ok: true,
      slot: {
        release,
        releaseWhen: (done) => void done.then(release, release),
      },
    };
  }

  /** Slots taken: all, or one owner's. */
  taken(owner?: string): number {
    return owner === undefined ? this.#total : this.#perOwner.get(owner) ?? 0;
  }
}
