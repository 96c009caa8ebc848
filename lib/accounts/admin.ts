/**
 * What an admin does to an account: change its limits, disable it (its
 * sessions end at once), enable it, or delete it with its chats.
 */
import type { ChatStore } from "@/lib/chats/store/mod.ts";
import type { AccountService } from "./mod.ts";
import { forgetUsage, monthSpend } from "./usage.ts";
import type { Account } from "./types.ts";

/** An account as the admin page lists it. */
export interface AdminRow {
  account: Account;
  spentUsd: number;
}

/** Every account with its spend this month on the operator's key. */
export async function adminRows(service: AccountService): Promise<AdminRow[]> {
  const accounts = await service.store.list();
  return await Promise.all(accounts.map(async (account) => ({
    account,
    spentUsd: await monthSpend(service.kv, account.owner),
  })));
}

/** A limit field: "" is the default (null); else a number of 0 or more, or undefined when bad. */
export function parseLimit(
  text: string,
  integer = false,
): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value) || value < 0 || value > 1_000_000) {
    return undefined;
  }
  if (integer && !Number.isInteger(value)) return undefined;
  return value;
}

/** Disables an account and ends every one of its sessions. */
export async function disableAccount(
  service: AccountService,
  id: string,
): Promise<void> {
  await service.store.update(id, { disabled: true });
  await service.sessions.endAll(id);
}

/** Deletes an account: its sessions, key, passkeys and chats. */
export async function deleteAccount(
  service: AccountService,
  store: ChatStore,
  account: Account,
): Promise<void> {
  await service.store.update(account.id, { disabled: true });
  await service.sessions.endAll(account.id);
  await store.deleteAllChats(account.owner);
  await forgetUsage(service.kv, account.owner);
  await service.store.delete(account);
}
