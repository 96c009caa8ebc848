/**
 * What one owner may store and how fast: chats and messages held (all
 * chats together), bytes imported per day, imports per hour and new chats
 * per minute. Checked before an import or a new chat writes anything; the
 * rates and the day's bytes are counted in KV, so every instance shares them.
 */
import type { OwnerQuotas } from "@/lib/config.ts";
import { type Lang, type MessageKey, t } from "@/lib/i18n/mod.ts";
import { chatsPrefix, countPrefix, importBytesKey } from "@/lib/kv_keys.ts";
import { RateLimiter } from "@/lib/security/rate_limit.ts";

const DAY_MS = 86_400_000;
const MB = 1024 * 1024;

/** Why an owner may not go on: a rate (retry later) or a quota (delete first). */
export class OwnerLimitError extends Error {
  override name = "OwnerLimitError";
  constructor(
    readonly kind: "rate" | "quota",
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** What an import is about to add. */
export interface ImportSize {
  chats: number;
  messages: number;
  bytes: number;
}

/** The quotas of every owner, on one KV. */
export class OwnerQuota {
  readonly #imports: RateLimiter;
  readonly #creations: RateLimiter;

  constructor(
    readonly kv: Deno.Kv,
    readonly quotas: OwnerQuotas,
    readonly now: () => number = Date.now,
  ) {
    this.#imports = new RateLimiter(kv, {
      name: "imports",
      limit: quotas.importsPerHour,
      windowMs: 3_600_000,
      now,
    });
    this.#creations = new RateLimiter(kv, {
      name: "chat_creations",
      limit: quotas.chatsPerMinute,
      windowMs: 60_000,
      now,
    });
  }

  /** How many chats and messages the owner holds (a read of one small entry per chat). */
  async usage(owner: string): Promise<{ chats: number; messages: number }> {
    let chats = 0, messages = 0;
    for await (const _ of this.kv.list({ prefix: chatsPrefix(owner) })) {
      chats++;
    }
    const counts = this.kv.list<number>({ prefix: countPrefix(owner) });
    for await (const entry of counts) {
      if (typeof entry.value === "number") messages += entry.value;
    }
    return { chats, messages };
  }

  /** Counts an import against the hourly rate; throws OwnerLimitError in `lang` past it. */
  async countImport(owner: string, lang: Lang) {
    const rate = await this.#imports.hit(owner);
    if (!rate.ok) {
      const minutes = Math.ceil(rate.retryAfterSeconds / 60);
      throw this.#error("rate", lang, "quota.import_rate", { minutes }, rate);
    }
  }

  /** Checks that an import fits the owner's quotas and counts its bytes; throws OwnerLimitError otherwise. */
  async checkImport(owner: string, lang: Lang, size: ImportSize) {
    await this.#checkHeld(owner, lang, size);
    const key = importBytesKey(owner, Math.floor(this.now() / DAY_MS));
    const max = this.quotas.importBytesPerDay;
    for (;;) {
      const entry = await this.kv.get<Deno.KvU64>(key);
      const used = Number(entry.value?.value ?? 0n);
      if (used + size.bytes > max) {
        throw this.#error("quota", lang, "quota.import_bytes", {
          used: Math.round(used / MB * 10) / 10,
          max: Math.round(max / MB * 10) / 10,
        });
      }
      // Counted before writing: failed attempts spend the budget too.
      const counted = new Deno.KvU64(BigInt(used + size.bytes));
      const result = await this.kv.atomic().check(entry)
        .set(key, counted, { expireIn: 2 * DAY_MS }).commit();
      if (result.ok) return;
    }
  }

  /** Counts a new chat and checks it fits; throws OwnerLimitError in `lang` otherwise. */
  async admitChat(owner: string, lang: Lang) {
    const rate = await this.#creations.hit(owner);
    if (!rate.ok) {
      throw this.#error("rate", lang, "quota.chat_rate", {
        seconds: rate.retryAfterSeconds,
      }, rate);
    }
    await this.#checkHeld(owner, lang, { chats: 1, messages: 0, bytes: 0 });
  }

  async #checkHeld(owner: string, lang: Lang, size: ImportSize) {
    const held = await this.usage(owner);
    if (held.chats + size.chats > this.quotas.chats) {
      throw this.#error("quota", lang, "quota.chats", {
        count: held.chats,
        max: this.quotas.chats,
      });
    }
    if (held.messages + size.messages > this.quotas.messages) {
      throw this.#error("quota", lang, "quota.messages", {
        count: held.messages,
        max: this.quotas.messages,
      });
    }
  }

  #error(
    kind: "rate" | "quota",
    lang: Lang,
    key: MessageKey,
    params: Record<string, number>,
    rate?: { retryAfterSeconds: number },
  ): OwnerLimitError {
    const numbers = new Intl.NumberFormat(lang === "id" ? "id-ID" : "en-GB", {
      maximumFractionDigits: 1,
    });
    const shown = Object.fromEntries(
      Object.entries(params).map(([k, v]) => [k, numbers.format(v)]),
    );
    return new OwnerLimitError(
      kind,
      t(lang, key, shown),
      rate?.retryAfterSeconds,
    );
  }
}
