/** What browser tests do as a user again and again: type, wait for answers, share a session. */
import type { Locator, Page } from "playwright-core";
import { ApiClient } from "@/tests/app_server.ts";

/** Types `text` into the composer ("Message" / "Pesan") and presses Enter. */
export async function sendMessage(page: Page, text: string): Promise<void> {
  const composer = page.getByRole("textbox", { name: /^(Message|Pesan)$/ });
  await composer.fill(text);
  await composer.press("Enter");
}

/** Every answer in the conversation. */
export function answers(page: Page): Locator {
  return page.locator('article[data-role="assistant"]');
}

/** The newest answer in the conversation. */
export function lastAnswer(page: Page): Locator {
  return answers(page).last();
}

/** Waits until `count` answers are complete. */
export async function answersComplete(
  page: Page,
  count: number,
): Promise<void> {
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll(
        'article[data-role="assistant"][data-status="complete"]',
      )
        .length >= n,
    count,
  );
}

/** Gives the browser the API client's session, so both act as the same user. */
export async function shareSession(
  page: Page,
  client: ApiClient,
): Promise<void> {
  const [name, value] = client.cookie.split("=");
  await page.context().addCookies([{ name, value, url: client.baseUrl }]);
}

/** An API client with the page's session: the same user as the browser. */
export async function clientOf(
  page: Page,
  baseUrl: string,
): Promise<ApiClient> {
  const client = new ApiClient(baseUrl);
  const session = (await page.context().cookies(baseUrl)).find((c) =>
    c.name === "chatai_session"
  );
  if (!session) throw new Error("The page has no session cookie yet");
  client.cookie = `${session.name}=${session.value}`;
  return client;
}

/** The chat id in the page's address (`/chats/<id>`). */
export function chatIdOf(page: Page): string {
  const id = /\/chats\/([^/?#]+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`No chat id in ${page.url()}`);
  return id;
}

/** The desktop and phone sizes every user-facing feature is tried at. */
export const SIZES = [
  ["desktop", { width: 1280, height: 720 }],
  ["phone", { width: 360, height: 740 }],
] as const;

/**
 * Waits until the conversation has settled after a turn: nothing runs or
 * waits, and the page's history has been re-read from the server.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const log = document.getElementById("chat-log");
    return !!log && !log.hasAttribute("data-busy") &&
      !log.hasAttribute("data-tail");
  });
}

/** Closes the chat list where it covers the conversation (a phone's stacked or drawer layout). */
export async function hideChatList(page: Page): Promise<void> {
  const hide = page.getByRole("button", {
    name: /^(Hide chat list|Sembunyikan daftar obrolan)$/,
  });
  if (await hide.isVisible()) await hide.click();
}

/**
 * The clipboard's text once `wanted` accepts it, or the last text read after
 * ten seconds: a copy finishes some time after its click or key.
 */
export async function clipboardText(
  page: Page,
  wanted: (text: string) => boolean,
): Promise<string> {
  const end = Date.now() + 10_000;
  let text = "";
  do {
    text = await page.evaluate(() => navigator.clipboard.readText());
    if (wanted(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 50));
  } while (Date.now() < end);
  return text;
}

/** Lets the page read and write the clipboard, as a person's browser does after a prompt. */
export async function allowClipboard(page: Page): Promise<void> {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
}

/**
 * Holds the responses to requests matching `url` (those whose body holds
 * `marker`, if given) until the returned function is called: code or data
 * that reaches the page late, as on a slow connection.
 */
export async function holdResponses(
  page: Page,
  { url, marker }: { url: string; marker?: string },
): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => release = resolve);
  await page.route(url, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (marker === undefined || body.includes(marker)) await held;
    await route.fulfill({ response, body }).catch(() => {});
  });
  return release;
}

/** Screenshots of the page in the light and the dark theme, for a person to look at. */
export async function shootThemes(page: Page, name: string): Promise<void> {
  await Deno.mkdir("test-results/screenshots", { recursive: true });
  const theme = await page.evaluate(() =>
    document.documentElement.dataset.theme
  );
  for (const shown of ["light", "dark"]) {
    await page.evaluate(
      (t) => document.documentElement.dataset.theme = t,
      shown,
    );
    await page.screenshot({
      path: `test-results/screenshots/${name}-${shown}.png`,
    });
  }
  await page.evaluate(
    (t) => {
      document.documentElement.dataset.theme = t ?? "";
    },
    theme,
  );
}
