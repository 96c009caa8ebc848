/**
 * The background duties of this process's leases while it generates:
 * renewing every running answer's lease every third of its time to live (so
 * a lease lives exactly as long as its process, text or no text), and
 * looking for cancel marks that other instances left for them.
 */
import { InterruptedError } from "./errors.ts";
import type { Generation } from "./generation.ts";
import type { Leases } from "./lease.ts";

/** The abort reason of a cancel by the user. */
export const cancelled = (): DOMException =>
  new DOMException("Cancelled by the user", "AbortError");

/** Keeps the leases of the generations `running()` returns. */
export class LeaseKeeper {
  #renewTimer: ReturnType<typeof setInterval> | undefined;
  #stopCancelPoll: (() => void) | undefined;

  constructor(
    readonly leases: Leases,
    readonly running: () => Iterable<Generation>,
    readonly cancelPollMs: number,
  ) {}

  /** Starts renewing and polling, if not yet. */
  start(): void {
    this.#renewTimer ??= setInterval(
      () => this.#renewAll(),
      this.leases.leaseMs / 3,
    );
    this.#stopCancelPoll ??= this.leases.pollCancels(
      this.cancelPollMs,
      (ref, messageId) => {
        for (const g of this.running()) {
          const match = g.owner === ref.owner && g.chatId === ref.chatId &&
            g.message.id === messageId;
          if (match && !g.finished) g.controller.abort(cancelled());
        }
      },
    );
  }

  /** Stops both (no generation runs). */
  stop(): void {
    this.#stopCancelPoll?.();
    this.#stopCancelPoll = undefined;
    clearInterval(this.#renewTimer);
    this.#renewTimer = undefined;
  }

  /** Renews the lease of every running generation; one that lost it stops. */
  async #renewAll(): Promise<void> {
    await Promise.all([...this.running()].map(async (g) => {
      if (g.finished) return;
      try {
        const held = await this.leases.renew(g, g.message.id);
        if (!held && !g.finished) {
          g.controller.abort(new InterruptedError("The lease was lost"));
        }
      } catch (error) {
        console.error(`Could not renew the lease of chat ${g.chatId}:`, error);
      }
    }));
  }
}
