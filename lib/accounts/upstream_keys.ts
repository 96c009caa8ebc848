/**
 * People's own OpenRouter keys: stored encrypted (crypto.ts), read back
 * only to send answers and model lists; pages see the last four characters.
 */
import { accountUpstreamKey } from "@/lib/kv_keys.ts";
import { seal, type Sealed, unseal } from "./crypto.ts";

/** How a key came: OpenRouter's PKCE flow or pasted. */
export type KeySource = "oauth" | "pasted";

/** What is stored of a key. */
interface StoredKey {
  sealed: Sealed;
  last4: string;
  source: KeySource;
  createdAt: string;
}

/** What a page may show of a key. */
export interface KeyInfo {
  last4: string;
  source: KeySource;
  createdAt: string;
}

/** The personal keys of every account, on one KV. */
export class UpstreamKeys {
  constructor(readonly kv: Deno.Kv, readonly key: CryptoKey) {}

  /** Stores `apiKey` for the account (replacing its earlier one). */
  async set(
    accountId: string,
    apiKey: string,
    source: KeySource,
  ): Promise<void> {
    const stored: StoredKey = {
      sealed: await seal(this.key, apiKey, accountId),
      last4: apiKey.slice(-4),
      source,
      createdAt: new Date().toISOString(),
    };
    await this.kv.set(accountUpstreamKey(accountId), stored);
  }

  /** The account's key in clear, or null when it has none (or it cannot be decrypted). */
  async get(accountId: string): Promise<string | null> {
    const stored = (await this.kv.get<StoredKey>(accountUpstreamKey(accountId)))
      .value;
    return stored ? await unseal(this.key, stored.sealed, accountId) : null;
  }

  /** What a page may show of the account's key, or null. */
  async info(accountId: string): Promise<KeyInfo | null> {
    const stored = (await this.kv.get<StoredKey>(accountUpstreamKey(accountId)))
      .value;
    if (!stored) return null;
    return {
      last4: stored.last4,
      source: stored.source,
      createdAt: stored.createdAt,
    };
  }

  /** Forgets the account's key. */
  async remove(accountId: string): Promise<void> {
    await this.kv.delete(accountUpstreamKey(accountId));
  }
}
