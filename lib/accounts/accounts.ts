/**
 * The account store: create, find, change and delete accounts in KV. A
 * username is held by a key of its own, claimed in the same commit as the
 * account, so two sign-ups of one name cannot both succeed; the first
 * account (or one named in ADMIN_USERNAMES) is an admin.
 */
import {
  accountKey,
  accountNameKey,
  accountOwnerKey,
  accountsPrefix,
  accountUpstreamKey,
  firstAccountKey,
  passkeyIdKey,
  passkeysPrefix,
} from "@/lib/kv_keys.ts";
import { newOwnerId } from "@/lib/security/session.ts";
import type { Account, AccountPatch, PublicAccount } from "./types.ts";

/** Letters, digits, `.`, `_` and `-`; 3 to 32 characters. */
export const USERNAME = /^[\p{L}\p{N}._-]{3,32}$/u;

/** Why an account could not be made. */
export class AccountError extends Error {
  override name = "AccountError";
  constructor(readonly reason: "taken" | "username") {
    super(reason);
  }
}

/** What a new account starts with. */
export interface NewAccount {
  username: string;
  passwordHash?: string;
  /** Usernames that are admins whatever their order (ADMIN_USERNAMES). */
  adminNames?: string[];
}

/** The account without its password hash. */
export function publicAccount(account: Account): PublicAccount {
  const { passwordHash: _, ...rest } = account;
  return rest;
}

/** Accounts on one KV. */
export class AccountStore {
  constructor(readonly kv: Deno.Kv) {}

  /** Creates an account; throws `AccountError` for a bad or taken username. */
  async create(input: NewAccount): Promise<Account> {
    const username = input.username.trim();
    if (!USERNAME.test(username)) throw new AccountError("username");
    const named = (input.adminNames ?? []).some((n) =>
      n.toLowerCase() === username.toLowerCase()
    );
    for (;;) {
      const first = await this.kv.get<string>(firstAccountKey());
      const account: Account = {
        id: newOwnerId(),
        username,
        owner: newOwnerId(),
        admin: named || first.value === null,
        disabled: false,
        createdAt: new Date().toISOString(),
        ...(input.passwordHash ? { passwordHash: input.passwordHash } : {}),
        monthlyLimitUsd: null,
        answersPerMinute: null,
      };
      const op = this.kv.atomic()
        .check({ key: accountNameKey(username), versionstamp: null })
        .set(accountKey(account.id), account)
        .set(accountNameKey(username), account.id)
        .set(accountOwnerKey(account.owner), account.id);
      if (first.value === null) {
        op.check(first).set(firstAccountKey(), account.id);
      }
      if ((await op.commit()).ok) return account;
      const taken = await this.kv.get(accountNameKey(username));
      if (taken.value !== null) throw new AccountError("taken");
      // Another first account came at the same moment: try again as second.
    }
  }

  /** The account with `id`, or null. */
  async get(id: string): Promise<Account | null> {
    return (await this.kv.get<Account>(accountKey(id))).value;
  }

  /** The account of a username (any case), or null. */
  async byUsername(username: string): Promise<Account | null> {
    const id = await this.kv.get<string>(accountNameKey(username.trim()));
    return id.value ? await this.get(id.value) : null;
  }

  /** The account whose chats `owner` names, or null (an anonymous owner). */
  async byOwner(owner: string): Promise<Account | null> {
    const id = await this.kv.get<string>(accountOwnerKey(owner));
    return id.value ? await this.get(id.value) : null;
  }

  /** Every account, oldest first. */
  async list(): Promise<Account[]> {
    const out: Account[] = [];
    for await (
      const entry of this.kv.list<Account>({ prefix: accountsPrefix() })
    ) {
      out.push(entry.value);
    }
    return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Changes what an admin may change; null when the account is gone. */
  async update(id: string, patch: AccountPatch): Promise<Account | null> {
    for (;;) {
      const entry = await this.kv.get<Account>(accountKey(id));
      if (!entry.value) return null;
      const next = { ...entry.value, ...patch };
      const ok = await this.kv.atomic().check(entry).set(accountKey(id), next)
        .commit();
      if (ok.ok) return next;
    }
  }

  /** Replaces the password hash of an account. */
  async setPassword(id: string, passwordHash: string): Promise<void> {
    const entry = await this.kv.get<Account>(accountKey(id));
    if (!entry.value) return;
    await this.kv.set(accountKey(id), { ...entry.value, passwordHash });
  }

  /**
   * Deletes the account record, its username, owner index, key and
   * passkeys (its sessions and chats are the caller's: `Sessions.endAll()`
   * and the chat store).
   */
  async delete(account: Account): Promise<void> {
    const op = this.kv.atomic()
      .delete(accountKey(account.id))
      .delete(accountNameKey(account.username))
      .delete(accountOwnerKey(account.owner))
      .delete(accountUpstreamKey(account.id));
    for await (
      const entry of this.kv.list({ prefix: passkeysPrefix(account.id) })
    ) {
      op.delete(entry.key).delete(passkeyIdKey(String(entry.key.at(-1))));
    }
    await op.commit();
  }
}
