/** What account tests do again and again: create accounts and sign in, over HTTP or in a browser. */
import type { Page } from "playwright-core";
import { ApiClient } from "./app_server.ts";

/** A password the rules accept. */
export const GOOD_PASSWORD = "kopi-susu-gula-aren-42";

/** Posts a form as `client`; the answer is not followed. */
export function postForm(
  client: ApiClient,
  path: string,
  fields: Record<string, string>,
): Promise<Response> {
  return client.fetch(path, {
    method: "POST",
    body: new URLSearchParams(fields),
    redirect: "manual",
  });
}

/** A new client with a new account `username`, signed in. */
export async function accountClient(
  baseUrl: string,
  username: string,
  password = GOOD_PASSWORD,
): Promise<ApiClient> {
  const client = new ApiClient(baseUrl);
  const res = await postForm(client, "/account/create", { username, password });
  await res.body?.cancel();
  if (res.status !== 303 || !client.accountCookie) {
    throw new Error(`Could not create account ${username}: ${res.status}`);
  }
  return client;
}

/** A new client signed in to an existing account. */
export async function signedInClient(
  baseUrl: string,
  username: string,
  password = GOOD_PASSWORD,
): Promise<ApiClient> {
  const client = new ApiClient(baseUrl);
  const res = await postForm(client, "/account/sign-in", {
    username,
    password,
  });
  await res.body?.cancel();
  if (res.status !== 303 || !client.accountCookie) {
    throw new Error(`Could not sign in as ${username}: ${res.status}`);
  }
  return client;
}

/** Fills and sends one of the account page's forms ("Sign in" or "Create account"). */
export async function submitAccountForm(
  page: Page,
  form: "Sign in" | "Create an account",
  username: string,
  password = GOOD_PASSWORD,
): Promise<void> {
  const region = page.getByRole("region", { name: form });
  await region.getByRole("textbox", { name: "Username" }).fill(username);
  await region.getByLabel("Password", { exact: true }).fill(password);
  await region.getByRole("button", {
    name: form === "Sign in" ? "Sign in" : "Create account",
    exact: true,
  }).click();
}
