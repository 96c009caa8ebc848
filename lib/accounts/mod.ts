/**
 * Accounts as the rest of the app sees them: who an owner is, which
 * OpenRouter key answers for them, whether they may start an answer on the
 * operator's key, and counting what answers cost.
 */
import type { AccountSettings } from "@/lib/config.ts";
import { ApiError } from "@/lib/http/api.ts";
import { type Lang, t } from "@/lib/i18n/mod.ts";
import { RateLimiter } from "@/lib/security/rate_limit.ts";
import { AccountStore } from "./accounts.ts";
import { checkBudget, formatUsd, monthlyLimit } from "./budget.ts";
import { importEncryptionKey } from "./crypto.ts";
import { Passkeys } from "./passkeys.ts";
import { PkceFlows } from "./pkce.ts";
import { Sessions } from "./sessions.ts";
import { UpstreamKeys } from "./upstream_keys.ts";
import { monthSpend, recordUsage } from "./usage.ts";
import type { Account } from "./types.ts";

export type { Account, PublicAccount, SessionRecord } from "./types.ts";

/** The key an owner's answers go out with. */
export interface Upstream {
  /** The person's own key; undefined: the operator's. */
  personalKey?: string;
  account: Account | null;
}

/** What the account service is built from. */
export interface AccountServiceOptions {
  kv: Deno.Kv;
  settings: AccountSettings;
  sessionKeys: CryptoKey[];
  /** KEY_ENCRYPTION_SECRET, or the session secret when it is unset. */
  encryptionSecret: string;
}

/** Accounts, sessions, personal keys, passkeys and budgets on one KV. */
export class AccountService {
  readonly store: AccountStore;
  readonly sessions: Sessions;
  readonly keys: UpstreamKeys;
  readonly flows: PkceFlows;
  readonly passkeys: Passkeys;
  readonly settings: AccountSettings;
  readonly kv: Deno.Kv;

  private constructor(options: AccountServiceOptions, key: CryptoKey) {
    this.kv = options.kv;
    this.settings = options.settings;
    this.store = new AccountStore(options.kv);
    this.sessions = new Sessions(options.kv, options.sessionKeys);
    this.keys = new UpstreamKeys(options.kv, key);
    this.flows = new PkceFlows(options.kv);
    this.passkeys = new Passkeys(options.kv);
  }

  /** The service, with its encryption key derived. */
  static async create(options: AccountServiceOptions): Promise<AccountService> {
    const key = await importEncryptionKey(options.encryptionSecret);
    return new AccountService(options, key);
  }

  /** The account behind `owner` and its own key, when it has one. */
  async upstreamFor(owner: string): Promise<Upstream> {
    const account = await this.store.byOwner(owner);
    if (!account || account.disabled) return { account };
    const personalKey = await this.keys.get(account.id) ?? undefined;
    return { account, personalKey };
  }

  /**
   * Refuses an answer (an `ApiError` in `lang`) when the account is
   * disabled; and, for an answer from the model (`upstream`, the default),
   * when the person is over their answers per minute, or would answer on the
   * operator's key while personal keys are required or their month's spend
   * reached its limit. A bang command is answered by the app: it costs
   * nothing, so only the first check applies.
   */
  async admitAnswer(
    owner: string,
    lang: Lang,
    options: { upstream?: boolean } = {},
  ): Promise<void> {
    const { account, personalKey } = await this.upstreamFor(owner);
    if (account?.disabled) {
      throw new ApiError("forbidden", t(lang, "account.disabled"));
    }
    if (options.upstream === false) return;
    if (account?.answersPerMinute) {
      const limiter = new RateLimiter(this.kv, {
        name: "account_answers",
        limit: account.answersPerMinute,
        windowMs: 60_000,
      });
      const verdict = await limiter.hit(account.id);
      if (!verdict.ok) {
        const seconds = verdict.retryAfterSeconds;
        throw new ApiError("rate_limited", t(lang, "limit.rate", { seconds }), {
          "Retry-After": String(seconds),
        });
      }
    }
    if (personalKey) return;
    if (this.settings.personalKeysRequired) {
      throw new ApiError("forbidden", t(lang, "budget.key_required"));
    }
    const limit = monthlyLimit(
      account?.monthlyLimitUsd,
      this.settings.monthlyLimitUsd,
    );
    if (limit === undefined) return;
    const over = checkBudget(await monthSpend(this.kv, owner), limit);
    if (over) {
      throw new ApiError(
        "forbidden",
        t(lang, "budget.over", {
          limit: formatUsd(over.limitUsd),
          spent: formatUsd(over.spentUsd),
        }),
      );
    }
  }

  /** Counts an answer's tokens and cost; a failure is logged, never the answer's. */
  async recordAnswer(usage: Parameters<typeof recordUsage>[1]): Promise<void> {
    await recordUsage(this.kv, usage).catch((error) =>
      console.error("Could not count an answer's usage:", error?.message)
    );
  }
}
