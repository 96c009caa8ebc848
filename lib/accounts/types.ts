/** The shapes of accounts and their sessions, shared by lib/accounts/. */

/** A person's account. */
export interface Account {
  id: string;
  /** As typed at sign-up; unique ignoring case. */
  username: string;
  /** The owner id of the account's chats (an owner id like an anonymous one). */
  owner: string;
  admin: boolean;
  /** A disabled account cannot sign in, and its sessions stop working. */
  disabled: boolean;
  createdAt: string;
  /** PHC string; absent for an account that signs in with passkeys only. */
  passwordHash?: string;
  /** USD per UTC month on the operator's key; null: the deployment's default. */
  monthlyLimitUsd: number | null;
  /** Answers per minute; null: the deployment's default. */
  answersPerMinute: number | null;
}

/** An account as pages and admins see it: never the password hash. */
export type PublicAccount = Omit<Account, "passwordHash">;

/** A signed-in browser of an account. */
export interface SessionRecord {
  id: string;
  accountId: string;
  createdAt: string;
  lastSeenAt: string;
  /** A short description of the browser, from its User-Agent. */
  device: string;
}

/** What the admin may change of an account. */
export interface AccountPatch {
  disabled?: boolean;
  monthlyLimitUsd?: number | null;
  answersPerMinute?: number | null;
}
