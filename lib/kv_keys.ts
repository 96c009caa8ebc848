/**
 * Every Deno KV key the app writes, in one place. The arrays are the stored
 * layout: changing one orphans existing data, so a change needs a migration
 * (lib/chats/store/migrate.ts) and kv_keys_test.ts pins each shape.
 *
 * Every key of an owner's data has the kind first and the owner second, so
 * one owner can never reach another's data by id.
 *
 * App:
 * - `["meta", "schema_version"]` → number, the chat store's layout version
 * - `["meta", "session_secret"]` → string, the generated session secret
 * - `["storage_probe"]` → ISO time, written and deleted again to test that
 *   a failing disk takes data again (lib/storage_health.ts)
 *   (only without `SESSION_SECRET`)
 *
 * Chat store (lib/chats/store/):
 * - `["chats", owner, chatId]` → Chat
 * - `["chat_order", owner, bucket, invertedTime, chatId]` → Chat (a copy, so
 *   a page of the list is one range read); bucket 0 = pinned, 1 = unpinned
 * - `["messages", owner, chatId, messageId]` → StoredMessage
 * - `["content", owner, chatId, messageId, field, version, index]` → string,
 *   a chunk of a long text (field "content" or "reasoning")
 * - `["message_count", owner, chatId]` → number
 * - `["streaming", owner, chatId, messageId]` → true, while streaming
 * - `["trash", owner, chatId]` → ISO time, a deleted chat not yet purged
 * - `["pending", owner, chatId]` → ISO time, an import of the old layout
 *   not yet visible (only removed now)
 * - `["imports", owner, importId]` → ImportRecord: an import's state; its
 *   chats (records carrying `importId`) are visible only once "committed"
 * - `["import_chats", owner, importId, chatId]` → true, a chat staged by an
 *   import, so an abandoned one can be removed
 *
 * Chat settings (lib/chats/chat_settings.ts):
 * - `["owner_settings", owner]` → the settings a new chat inherits
 *
 * Generation (lib/generation/):
 * - `["generation_lease", owner, chatId]` → {messageId, expiresAt, holder},
 *   the process running the chat's answer (holder: id, host, pid, start
 *   time; lib/generation/holder.ts) renews it every 5 s, time to live 15 s
 * - `["generation_cancel", owner, chatId]` → messageId, a cancel for the
 *   instance holding the lease (expires with the lease)
 *
 * Owner quotas (lib/chats/owner_quota.ts):
 * - `["import_bytes", owner, dayIndex]` → KvU64 bytes imported that UTC day,
 *   expires after two days
 *
 * Rate limits (lib/security/rate_limit.ts):
 * - `["rate", limiter, subject, windowIndex]` → KvU64 count, expires after
 *   two windows
 *
 * Accounts (lib/accounts/):
 * - `["accounts", accountId]` → Account (username, owner id, admin, limits)
 * - `["account_names", lowerCaseUsername]` → accountId
 * - `["account_owners", owner]` → accountId: the account an owner id is
 * - `["meta", "first_account"]` → accountId, set by the first account (an admin)
 * - `["sessions", sessionId]` → SessionRecord (account, device, times);
 *   expires with the session
 * - `["account_sessions", accountId, sessionId]` → true, an account's sessions
 * - `["account_keys", accountId]` → StoredKey: the person's OpenRouter key,
 *   AES-GCM encrypted, and its last four characters
 * - `["oauth_states", state]` → PKCE verifier and account, expires in 10 min
 * - `["passkeys", accountId, credentialId]` → a passkey's public key
 * - `["passkey_ids", credentialId]` → accountId
 * - `["webauthn_challenges", id]` → a ceremony's challenge, expires in 5 min
 * - `["invites", code]` → ISO time an admin made it; expires in 7 days
 * - `["owner_moves", from]` → {to, startedAt}: chats being moved (resumed
 *   after a crash)
 *
 * Usage (lib/accounts/usage.ts), per owner (anonymous owners too):
 * - `["usage", owner, day, model, field]` → KvU64 (field "cost" in
 *   nano-USD, "prompt", "completion", "answers"); day is "YYYY-MM-DD" (UTC)
 * - `["spend", owner, month]` → KvU64 nano-USD spent this UTC month on the
 *   operator's key
 */

import type { MessageRef } from "./chats/types.ts";

/** A field of a message that may be stored in chunks. */
export type TextField = "content" | "reasoning";

/** Where a chat sits in the order: bucket, inverted time, id. */
export type OrderPosition = [bucket: 0 | 1, inverted: number, id: string];

// App

/** Key of the chat store's schema version. */
export const schemaVersionKey = (): Deno.KvKey => ["meta", "schema_version"];

/** Key of the probe write of a failing disk. */
export const storageProbeKey = (): Deno.KvKey => ["storage_probe"];

/** Key of the session secret generated when none is configured. */
export const sessionSecretKey = (): Deno.KvKey => ["meta", "session_secret"];

// Chat store

/** Key of a chat record. */
export const chatKey = (owner: string, id: string): Deno.KvKey => [
  "chats",
  owner,
  id,
];
/** Prefix of every chat record of an owner. */
export const chatsPrefix = (owner: string): Deno.KvKey => ["chats", owner];
/** Prefix of an owner's ordering index. */
export const orderPrefix = (owner: string): Deno.KvKey => [
  "chat_order",
  owner,
];
/** Key of a chat's entry in the ordering index. */
export const orderEntryKey = (
  owner: string,
  position: OrderPosition,
): Deno.KvKey => [...orderPrefix(owner), ...position];
/** Key of a message record. */
export const messageKey = (
  owner: string,
  chatId: string,
  id: string,
): Deno.KvKey => ["messages", owner, chatId, id];
/** Prefix of every message record of a chat, in creation order. */
export const messagesPrefix = (owner: string, chatId: string): Deno.KvKey => [
  "messages",
  owner,
  chatId,
];
/** Prefix of every content chunk of a chat. */
export const chatContentPrefix = (
  owner: string,
  chatId: string,
): Deno.KvKey => ["content", owner, chatId];
/** Prefix of every content chunk of a message. */
export const messageContentPrefix = (
  owner: string,
  chatId: string,
  id: string,
): Deno.KvKey => ["content", owner, chatId, id];
/** Prefix of the chunks of one version of one field of a message. */
export const versionPrefix = (
  { owner, chatId, id }: MessageRef,
  field: TextField,
  version: string,
): Deno.KvKey => ["content", owner, chatId, id, field, version];
/** Key of a chat's message counter. */
export const countKey = (owner: string, chatId: string): Deno.KvKey => [
  "message_count",
  owner,
  chatId,
];
/** Prefix of the message counters of every chat of an owner. */
export const countPrefix = (owner: string): Deno.KvKey => [
  "message_count",
  owner,
];
/** Key marking a message as streaming. */
export const streamingKey = (
  owner: string,
  chatId: string,
  id: string,
): Deno.KvKey => ["streaming", owner, chatId, id];
/** Prefix of the streaming marks of a chat. */
export const chatStreamingPrefix = (
  owner: string,
  chatId: string,
): Deno.KvKey => ["streaming", owner, chatId];
/** Prefix of every streaming mark of every owner. */
export const streamingPrefix = (): Deno.KvKey => ["streaming"];
/** Key marking a deleted chat whose data is still being purged. */
export const trashKey = (owner: string, chatId: string): Deno.KvKey => [
  "trash",
  owner,
  chatId,
];
/** Prefix of every trash mark of every owner. */
export const trashPrefix = (): Deno.KvKey => ["trash"];
/** Key marking an import that is not visible yet. */
export const pendingKey = (owner: string, chatId: string): Deno.KvKey => [
  "pending",
  owner,
  chatId,
];
/** Prefix of every pending import of every owner. */
export const pendingPrefix = (): Deno.KvKey => ["pending"];
/** Key of an import's state record. */
export const importKey = (owner: string, importId: string): Deno.KvKey => [
  "imports",
  owner,
  importId,
];
/** Prefix of every import record of every owner. */
export const importsPrefix = (): Deno.KvKey => ["imports"];
/** Key listing one chat staged by an import. */
export const importChatKey = (
  owner: string,
  importId: string,
  chatId: string,
): Deno.KvKey => ["import_chats", owner, importId, chatId];
/** Prefix of the chats staged by one import. */
export const importChatsPrefix = (
  owner: string,
  importId: string,
): Deno.KvKey => ["import_chats", owner, importId];

// Chat settings

/** Key of the settings an owner used last, which new chats inherit. */
export const ownerSettingsKey = (owner: string): Deno.KvKey => [
  "owner_settings",
  owner,
];

// Generation

/** Key of the lease of the instance running a chat's answer. */
export const generationLeaseKey = (
  owner: string,
  chatId: string,
): Deno.KvKey => ["generation_lease", owner, chatId];
/** Key of a cancel request for a chat's running answer. */
export const generationCancelKey = (
  owner: string,
  chatId: string,
): Deno.KvKey => ["generation_cancel", owner, chatId];
/** Prefix of every cancel request, polled by instances running answers. */
export const generationCancelPrefix = (): Deno.KvKey => ["generation_cancel"];

// Rate limits

/** Key of a rate limiter's count for one subject in one time window. */
export const rateLimitKey = (
  limiter: string,
  subject: string,
  windowIndex: number,
): Deno.KvKey => ["rate", limiter, subject, windowIndex];

// Owner quotas

/** Key of the bytes an owner imported on one UTC day. */
export const importBytesKey = (owner: string, day: number): Deno.KvKey => [
  "import_bytes",
  owner,
  day,
];

// Accounts

/** Key of an account record. */
export const accountKey = (id: string): Deno.KvKey => ["accounts", id];
/** Prefix of every account record. */
export const accountsPrefix = (): Deno.KvKey => ["accounts"];
/** Key of the account holding a username (lower case). */
export const accountNameKey = (name: string): Deno.KvKey => [
  "account_names",
  name.toLowerCase(),
];
/** Key of the account an owner id belongs to. */
export const accountOwnerKey = (owner: string): Deno.KvKey => [
  "account_owners",
  owner,
];
/** Key naming the first account, which becomes an admin. */
export const firstAccountKey = (): Deno.KvKey => ["meta", "first_account"];
/** Key of a signed-in session. */
export const sessionKey = (id: string): Deno.KvKey => ["sessions", id];
/** Key listing one session of an account. */
export const accountSessionKey = (
  accountId: string,
  sessionId: string,
): Deno.KvKey => ["account_sessions", accountId, sessionId];
/** Prefix of every session of an account. */
export const accountSessionsPrefix = (accountId: string): Deno.KvKey => [
  "account_sessions",
  accountId,
];
/** Key of an account's encrypted OpenRouter key. */
export const accountUpstreamKey = (accountId: string): Deno.KvKey => [
  "account_keys",
  accountId,
];
/** Key of a PKCE flow in progress. */
export const oauthStateKey = (state: string): Deno.KvKey => [
  "oauth_states",
  state,
];
/** Key of a passkey of an account. */
export const passkeyKey = (
  accountId: string,
  credentialId: string,
): Deno.KvKey => ["passkeys", accountId, credentialId];
/** Prefix of every passkey of an account. */
export const passkeysPrefix = (accountId: string): Deno.KvKey => [
  "passkeys",
  accountId,
];
/** Key of the account a passkey belongs to. */
export const passkeyIdKey = (credentialId: string): Deno.KvKey => [
  "passkey_ids",
  credentialId,
];
/** Key of a WebAuthn ceremony's challenge. */
export const webauthnChallengeKey = (id: string): Deno.KvKey => [
  "webauthn_challenges",
  id,
];
/** Key of an invitation code. */
export const inviteKey = (code: string): Deno.KvKey => ["invites", code];
/** Key of a move of one owner's chats to another, while it runs. */
export const ownerMoveKey = (from: string): Deno.KvKey => ["owner_moves", from];

// Usage

/** Key of one usage figure of an owner, day and model. */
export const usageKey = (
  owner: string,
  day: string,
  model: string,
  field: "cost" | "prompt" | "completion" | "answers",
): Deno.KvKey => ["usage", owner, day, model, field];
/** Prefix of an owner's usage figures. */
export const usagePrefix = (owner: string): Deno.KvKey => ["usage", owner];
/** Key of an owner's spend on the operator's key in one month. */
export const spendKey = (owner: string, month: string): Deno.KvKey => [
  "spend",
  owner,
  month,
];
