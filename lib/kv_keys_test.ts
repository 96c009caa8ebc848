import { assertEquals } from "@/tests/assert.ts";
import * as keys from "./kv_keys.ts";

// The arrays are what existing databases hold: each one is spelled out here,
// so that a change to a key fails this test instead of orphaning data.
Deno.test("kv_keys builds exactly the keys existing databases hold", () => {
  const ref = { owner: "o", chatId: "c", id: "m" };
  assertEquals(keys.schemaVersionKey(), ["meta", "schema_version"]);
  assertEquals(keys.storageProbeKey(), ["storage_probe"]);
  assertEquals(keys.sessionSecretKey(), ["meta", "session_secret"]);
  assertEquals(keys.chatKey("o", "c"), ["chats", "o", "c"]);
  assertEquals(keys.chatsPrefix("o"), ["chats", "o"]);
  assertEquals(keys.orderPrefix("o"), ["chat_order", "o"]);
  assertEquals(keys.orderEntryKey("o", [0, 5, "c"]), [
    "chat_order",
    "o",
    0,
    5,
    "c",
  ]);
  assertEquals(keys.messageKey("o", "c", "m"), ["messages", "o", "c", "m"]);
  assertEquals(keys.messagesPrefix("o", "c"), ["messages", "o", "c"]);
  assertEquals(keys.chatContentPrefix("o", "c"), ["content", "o", "c"]);
  assertEquals(keys.messageContentPrefix("o", "c", "m"), [
    "content",
    "o",
    "c",
    "m",
  ]);
  assertEquals(keys.versionPrefix(ref, "reasoning", "v"), [
    "content",
    "o",
    "c",
    "m",
    "reasoning",
    "v",
  ]);
  assertEquals(keys.countKey("o", "c"), ["message_count", "o", "c"]);
  assertEquals(keys.streamingKey("o", "c", "m"), ["streaming", "o", "c", "m"]);
  assertEquals(keys.chatStreamingPrefix("o", "c"), ["streaming", "o", "c"]);
  assertEquals(keys.streamingPrefix(), ["streaming"]);
  assertEquals(keys.trashKey("o", "c"), ["trash", "o", "c"]);
  assertEquals(keys.trashPrefix(), ["trash"]);
  assertEquals(keys.pendingKey("o", "c"), ["pending", "o", "c"]);
  assertEquals(keys.pendingPrefix(), ["pending"]);
  assertEquals(keys.importKey("o", "i"), ["imports", "o", "i"]);
  assertEquals(keys.importsPrefix(), ["imports"]);
  assertEquals(keys.countPrefix("o"), ["message_count", "o"]);
  assertEquals(keys.importBytesKey("o", 3), ["import_bytes", "o", 3]);
  assertEquals(keys.importChatKey("o", "i", "c"), [
    "import_chats",
    "o",
    "i",
    "c",
  ]);
  assertEquals(keys.importChatsPrefix("o", "i"), ["import_chats", "o", "i"]);
  assertEquals(keys.ownerSettingsKey("o"), ["owner_settings", "o"]);
  assertEquals(keys.generationLeaseKey("o", "c"), [
    "generation_lease",
    "o",
    "c",
  ]);
  assertEquals(keys.generationCancelKey("o", "c"), [
    "generation_cancel",
    "o",
    "c",
  ]);
  assertEquals(keys.generationCancelPrefix(), ["generation_cancel"]);
  assertEquals(keys.rateLimitKey("login", "1.2.3.4", 7), [
    "rate",
    "login",
    "1.2.3.4",
    7,
  ]);
});

Deno.test("kv_keys builds the account, session, key, passkey and usage keys as documented", () => {
  assertEquals(keys.accountKey("a"), ["accounts", "a"]);
  assertEquals(keys.accountNameKey("Ani"), ["account_names", "ani"]);
  assertEquals(keys.accountOwnerKey("o"), ["account_owners", "o"]);
  assertEquals(keys.firstAccountKey(), ["meta", "first_account"]);
  assertEquals(keys.sessionKey("s"), ["sessions", "s"]);
  assertEquals(keys.accountSessionKey("a", "s"), [
    "account_sessions",
    "a",
    "s",
  ]);
  assertEquals(keys.accountUpstreamKey("a"), ["account_keys", "a"]);
  assertEquals(keys.oauthStateKey("x"), ["oauth_states", "x"]);
  assertEquals(keys.passkeyKey("a", "c"), ["passkeys", "a", "c"]);
  assertEquals(keys.passkeyIdKey("c"), ["passkey_ids", "c"]);
  assertEquals(keys.webauthnChallengeKey("w"), ["webauthn_challenges", "w"]);
  assertEquals(keys.inviteKey("i"), ["invites", "i"]);
  assertEquals(keys.ownerMoveKey("o"), ["owner_moves", "o"]);
  assertEquals(keys.usageKey("o", "2026-12-01", "m", "cost"), [
    "usage",
    "o",
    "2026-12-01",
    "m",
    "cost",
  ]);
  assertEquals(keys.spendKey("o", "2026-12"), ["spend", "o", "2026-12"]);
});
