/**
 * What account routes share: reading their small forms, the relying party
 * of passkeys, and starting a session (cookie and where to go next).
 */
import type { FreshContext } from "$fresh/server.ts";
import type { Account } from "@/lib/accounts/types.ts";
import { accountCookie } from "@/lib/accounts/sessions.ts";
import type { RelyingParty } from "@/lib/accounts/passkeys.ts";
import { ApiError } from "@/lib/http/api.ts";
import { readFormBody } from "@/lib/http/form.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import { safeNext } from "@/lib/security/password_gate.ts";
import {
  newOwnerId,
  sessionCookie,
  signSession,
} from "@/lib/security/session.ts";
import type { AppState } from "@/lib/state.ts";

/** Account forms hold a name, a password, a key: a few KB at most. */
const MAX_FORM_BYTES = 8192;

/** The form of an account POST, or null when it is not a readable form. */
export async function accountForm(
  req: Request,
  ctx: FreshContext<AppState>,
): Promise<FormData | null> {
  try {
    return await readFormBody(req, {
      maxBytes: MAX_FORM_BYTES,
      lang: ctx.state.lang,
    });
  } catch (error) {
    if (error instanceof ApiError) return null;
    throw error;
  }
}

/** A text field of a form, "" when absent. */
export const field = (form: FormData | null, name: string): string =>
  form?.get(name)?.toString() ?? "";

/** This site as a WebAuthn relying party: APP_URL's origin when set, else the request's. */
export function relyingParty(ctx: FreshContext<AppState>): RelyingParty {
  const { config } = ctx.state.services;
  const origin = config.publicOrigin ?? ctx.url.origin;
  return { id: new URL(origin).hostname, origin, name: config.appTitle };
}

/**
 * Signs `account` in on this browser: a new session record and its cookie;
 * then on to `next`, or first to the question whether to move this
 * browser's anonymous chats into the account, when it holds any.
 */
export async function startSession(
  req: Request,
  ctx: FreshContext<AppState>,
  account: Account,
  next: string,
): Promise<Response> {
  const { accounts, store, config } = ctx.state.services;
  const { cookie } = await accounts.sessions.start(
    account.id,
    req.headers.get("User-Agent"),
  );
  const anonymous = ctx.state.anonymousOwner;
  const held = anonymous !== account.owner
    ? (await store.listChats(anonymous, { limit: 1 })).chats.length
    : 0;
  const target = safeNext(next);
  const res = seeOther(
    held ? `/account/move?next=${encodeURIComponent(target)}` : target,
  );
  res.headers.append("Set-Cookie", accountCookie(cookie, config.secureCookies));
  return res;
}

/**
 * Ends this browser's account session (its record is deleted, so a kept
 * cookie is worthless) and redirects to `location` with a brand-new
 * anonymous owner, so the next person here sees no one's chats. `also`
 * are further cookies to set (the password gate's, when it signs out too).
 */
export async function signOutBrowser(
  ctx: FreshContext<AppState>,
  options: { location: string; also?: string[] },
): Promise<Response> {
  const { account, sessionId, services } = ctx.state;
  if (account && sessionId) {
    await services.accounts.sessions.end(account.id, sessionId);
  }
  const { secureCookies } = services.config;
  const res = seeOther(options.location);
  for (const cookie of options.also ?? []) {
    res.headers.append("Set-Cookie", cookie);
  }
  res.headers.append("Set-Cookie", accountCookie("", secureCookies));
  const fresh = await signSession(
    newOwnerId(),
    Date.now(),
    services.sessionKeys[0],
  );
  res.headers.append("Set-Cookie", sessionCookie(fresh, secureCookies));
  return res;
}
