/**
 * Server-side sessions of accounts. The cookie carries only a signed
 * session id; the record in KV says whose it is, so deleting the record
 * ends the session at once on every instance (sign out, sign out
 * everywhere, a disabled account). Records expire on their own after
 * `ACCOUNT_SESSION_MAX_AGE_S` without a visit.
 */
import {
  accountSessionKey,
  accountSessionsPrefix,
  sessionKey,
} from "@/lib/kv_keys.ts";
import {
  newOwnerId,
  setCookie,
  signToken,
  verifyToken,
} from "@/lib/security/session.ts";
import type { SessionRecord } from "./types.ts";

/** The account cookie's name (prefixed `__Host-` over https). */
export const ACCOUNT_COOKIE = "chatai_account";
/** How long a session lives without a visit. */
export const ACCOUNT_SESSION_MAX_AGE_S = 60 * 86_400;
/** A visit moves `lastSeenAt` (and the expiry) at most this often. */
const TOUCH_AFTER_MS = 60 * 60_000;
const MAX_AGE_MS = ACCOUNT_SESSION_MAX_AGE_S * 1000;

/** "Firefox on Linux"-style name of a browser, from its User-Agent. */
export function deviceName(userAgent: string | null): string {
  const ua = userAgent ?? "";
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /Firefox\//.test(ua)
    ? "Firefox"
    : /Chrome\//.test(ua)
    ? "Chrome"
    : /Safari\//.test(ua)
    ? "Safari"
    : "Browser";
  const system = /Android/.test(ua)
    ? "Android"
    : /iPhone|iPad/.test(ua)
    ? "iOS"
    : /Windows/.test(ua)
    ? "Windows"
    : /Mac OS X/.test(ua)
    ? "macOS"
    : /Linux/.test(ua)
    ? "Linux"
    : "unknown system";
  return `${browser} on ${system}`;
}

/** The sessions of every account, on one KV. */
export class Sessions {
  constructor(readonly kv: Deno.Kv, readonly keys: CryptoKey[]) {}

  /** Starts a session for `accountId`; returns the record and its cookie value. */
  async start(
    accountId: string,
    userAgent: string | null,
  ): Promise<{ record: SessionRecord; cookie: string }> {
    const now = new Date().toISOString();
    const record: SessionRecord = {
      id: newOwnerId(),
      accountId,
      createdAt: now,
      lastSeenAt: now,
      device: deviceName(userAgent),
    };
    await this.kv.atomic()
      .set(sessionKey(record.id), record, { expireIn: MAX_AGE_MS })
      .set(accountSessionKey(accountId, record.id), true, {
        expireIn: MAX_AGE_MS,
      })
      .commit();
    const cookie = await signToken(
      "account",
      record.id,
      Date.now(),
      this.keys[0],
    );
    return { record, cookie };
  }

  /** The live session a cookie value names, or null (bad, expired or ended). */
  async find(cookie: string | undefined): Promise<SessionRecord | null> {
    const token = await verifyToken(cookie, this.keys, {
      purpose: "account",
      maxAgeMs: 400 * 86_400_000,
    });
    if (!token) return null;
    const record = (await this.kv.get<SessionRecord>(sessionKey(token.subject)))
      .value;
    if (!record || Date.now() - Date.parse(record.lastSeenAt) > MAX_AGE_MS) {
      return null;
    }
    if (Date.now() - Date.parse(record.lastSeenAt) > TOUCH_AFTER_MS) {
      await this.#touch(record);
    }
    return record;
  }

  async #touch(record: SessionRecord): Promise<void> {
    const next = { ...record, lastSeenAt: new Date().toISOString() };
    const entry = await this.kv.get(sessionKey(record.id));
    // Never revive a session ended meanwhile.
    if (!entry.value) return;
    await this.kv.atomic().check(entry)
      .set(sessionKey(record.id), next, { expireIn: MAX_AGE_MS })
      .set(accountSessionKey(record.accountId, record.id), true, {
        expireIn: MAX_AGE_MS,
      })
      .commit();
  }

  /** The sessions of an account, newest first. */
  async list(accountId: string): Promise<SessionRecord[]> {
    const ids: string[] = [];
    for await (
      const entry of this.kv.list({ prefix: accountSessionsPrefix(accountId) })
    ) ids.push(String(entry.key.at(-1)));
    const records = await Promise.all(
      ids.map((id) => this.kv.get<SessionRecord>(sessionKey(id))),
    );
    return records.map((r) => r.value).filter((r): r is SessionRecord =>
      r !== null && r.accountId === accountId
    ).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** Ends one session of `accountId`; false when it is not one of its sessions. */
  async end(accountId: string, sessionId: string): Promise<boolean> {
    const record = (await this.kv.get<SessionRecord>(sessionKey(sessionId)))
      .value;
    if (!record || record.accountId !== accountId) return false;
    await this.kv.atomic().delete(sessionKey(sessionId))
      .delete(accountSessionKey(accountId, sessionId)).commit();
    return true;
  }

  /** Ends every session of an account but `keep` (none: all; a disabled or deleted account). */
  async endAll(accountId: string, keep?: string): Promise<number> {
    let ended = 0;
    for await (
      const entry of this.kv.list({ prefix: accountSessionsPrefix(accountId) })
    ) {
      const id = String(entry.key.at(-1));
      if (id === keep) continue;
      await this.kv.atomic().delete(sessionKey(id)).delete(entry.key).commit();
      ended++;
    }
    return ended;
  }
}

/** The `Set-Cookie` value of an account session (`value` "" ends it in the browser). */
export function accountCookie(value: string, secure: boolean): string {
  return setCookie({
    base: ACCOUNT_COOKIE,
    value,
    maxAgeS: value ? ACCOUNT_SESSION_MAX_AGE_S : 0,
    secure,
  });
}
