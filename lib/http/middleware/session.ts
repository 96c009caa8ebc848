import type { FreshContext } from "$fresh/server.ts";
import { publicAccount } from "@/lib/accounts/accounts.ts";
import { ACCOUNT_COOKIE, accountCookie } from "@/lib/accounts/sessions.ts";
import { getOurCookie } from "@/lib/http/cookies.ts";
import { seeOther } from "@/lib/http/redirect.ts";
import { t } from "@/lib/i18n/mod.ts";
import {
  newOwnerId,
  SESSION_COOKIE,
  sessionCookie,
  signSession,
  verifySession,
} from "@/lib/security/session.ts";
import type { AppState } from "@/lib/state.ts";
import { refusal } from "./refusal.ts";

/** Paths an anonymous visitor may open when ACCOUNTS_REQUIRED is set. */
const OPEN_WITHOUT_ACCOUNT =
  /^\/(?:account(?:\/(?:sign-in|create|passkeys\/sign-in(?:-options)?))?|login|logout|healthz)$/;

/** The signed-in account of the request's account cookie, when its session is live. */
async function signedIn(req: Request, ctx: FreshContext<AppState>) {
  const { accounts, config: { secureCookies } } = ctx.state.services;
  const cookie = getOurCookie(req.headers, ACCOUNT_COOKIE, secureCookies).value;
  if (!cookie) return { cookie: false, found: null };
  const record = await accounts.sessions.find(cookie);
  const account = record ? await accounts.store.get(record.accountId) : null;
  // A disabled account's sessions stop working at once, whatever they hold.
  const found = record && account && !account.disabled
    ? { record, account }
    : null;
  return { cookie: true, found };
}

/**
 * Middleware step: the owner of the request. A live account session (its
 * record in KV, the account enabled) makes the account's owner the owner;
 * otherwise the owner is the anonymous one of the signed session cookie,
 * or a new one when there is no valid cookie. A new or ageing anonymous
 * session gets its cookie (re)issued with the answer, `Secure` and
 * `__Host-` named when APP_URL is https; an account cookie whose session
 * ended is cleared. With ACCOUNTS_REQUIRED, anonymous visitors are sent to
 * /account (pages) or answered 401 (API).
 */
export async function session(
  req: Request,
  ctx: FreshContext<AppState>,
): Promise<Response> {
  const { sessionKeys, config } = ctx.state.services;
  const { secureCookies } = config;
  const cookie = getOurCookie(req.headers, SESSION_COOKIE, secureCookies);
  const [current, account] = await Promise.all([
    verifySession(cookie.value, sessionKeys),
    signedIn(req, ctx),
  ]);
  ctx.state.anonymousOwner = current?.owner ?? newOwnerId();
  ctx.state.owner = ctx.state.anonymousOwner;
  if (account.found) {
    ctx.state.owner = account.found.account.owner;
    ctx.state.account = publicAccount(account.found.account);
    ctx.state.sessionId = account.found.record.id;
  }
  const response = config.accounts.required && !account.found &&
      !OPEN_WITHOUT_ACCOUNT.test(ctx.url.pathname)
    ? await refuseAnonymous(req, ctx)
    : await ctx.next();
  if (!current || current.reissue) {
    const value = await signSession(
      ctx.state.anonymousOwner,
      Date.now(),
      sessionKeys[0],
    );
    response.headers.append("Set-Cookie", sessionCookie(value, secureCookies));
  }
  if (account.cookie && !account.found) {
    response.headers.append("Set-Cookie", accountCookie("", secureCookies));
  }
  if (cookie.legacyName) {
    // Moved to the `__Host-` name: the old cookie is read this once.
    response.headers.append(
      "Set-Cookie",
      `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`,
    );
  }
  return response;
}

async function refuseAnonymous(
  req: Request,
  ctx: FreshContext<AppState>,
): Promise<Response> {
  if (ctx.url.pathname.startsWith("/api/")) {
    return await refusal(req, ctx, {
      code: "unauthorized",
      message: t(ctx.state.lang, "account.required"),
    });
  }
  await req.body?.cancel();
  return seeOther(
    `/account?next=${encodeURIComponent(ctx.url.pathname + ctx.url.search)}`,
  );
}
