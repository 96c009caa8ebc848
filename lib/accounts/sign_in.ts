/**
 * Creating an account and signing in with a password: the checks, in the
 * order a person would want to hear about them, and nothing written
 * unless every one passes.
 */
import { inviteKey } from "@/lib/kv_keys.ts";
import { AccountError, USERNAME } from "./accounts.ts";
import { inviteCheck } from "./invites.ts";
import type { AccountService } from "./mod.ts";
import {
  hashPassword,
  passwordProblem,
  verifyNothing,
  verifyPassword,
} from "./password.ts";
import type { Account } from "./types.ts";

/** Why an account was not created. */
export type SignUpProblem =
  | "closed"
  | "invite"
  | "username"
  | "taken"
  | "short"
  | "long"
  | "common";

/** What a sign-up form holds. */
export interface SignUpInput {
  username: string;
  password: string;
  invite?: string;
}

/** Creates an account, or says why not. */
export async function signUp(
  service: AccountService,
  input: SignUpInput,
): Promise<{ account: Account } | { problem: SignUpProblem }> {
  const { signup, adminUsernames } = service.settings;
  if (signup === "closed") return { problem: "closed" };
  const username = input.username.trim();
  if (!USERNAME.test(username)) return { problem: "username" };
  const weak = passwordProblem(input.password, username);
  if (weak) return { problem: weak };
  let invite: Deno.AtomicCheck | null = null;
  if (signup === "invite") {
    invite = await inviteCheck(service.kv, input.invite?.trim() ?? "");
    if (!invite) return { problem: "invite" };
  }
  if (await service.store.byUsername(username)) return { problem: "taken" };
  const passwordHash = await hashPassword(input.password);
  try {
    const account = await service.store.create({
      username,
      passwordHash,
      adminNames: adminUsernames,
    });
    if (invite) {
      // Used once: a second sign-up with the same code finds it gone.
      const used = await service.kv.atomic().check(invite).delete(
        inviteKey(String(invite.key.at(-1))),
      ).commit();
      if (!used.ok) {
        await service.store.delete(account);
        return { problem: "invite" };
      }
    }
    return { account };
  } catch (error) {
    if (error instanceof AccountError) return { problem: error.reason };
    throw error;
  }
}

/**
 * The account a username and password name, or null. An unknown username
 * costs the same time as a wrong password, so timing does not tell which
 * names exist. A disabled account is refused like a wrong password.
 */
export async function signInWithPassword(
  service: AccountService,
  input: { username: string; password: string },
): Promise<Account | "disabled" | null> {
  const account = await service.store.byUsername(input.username);
  if (!account?.passwordHash) {
    await verifyNothing(input.password);
    return null;
  }
  if (!await verifyPassword(input.password, account.passwordHash)) return null;
  return account.disabled ? "disabled" : account;
}
