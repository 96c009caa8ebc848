import { assert, assertEquals } from "@/tests/assert.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";
import type { Page } from "playwright-core";

/** Where the screenshots go; printed so a person can look at them. */
const SHOTS = new URL("../../test-results/screenshots/", import.meta.url);

async function openChat(page: Page, url: string, theme?: string) {
  const client = new ApiClient(url);
  const id = await client.createChat({ title: "Tata letak" });
  await client.send(
    id,
    "Bagaimana cara membuat rendang? Jelaskan langkah demi langkah.",
  );
  const [name, value] = client.cookie.split("=");
  const cookies = [{ name, value, url }];
  if (theme) cookies.push({ name: "theme", value: theme, url });
  await page.context().addCookies(cookies);
  await page.goto(`${url}/chats/${id}?lang=en`);
  await waitForIslands(page);
}

async function shoot(page: Page, name: string) {
  await Deno.mkdir(SHOTS, { recursive: true });
  const path = new URL(`${name}.png`, SHOTS).pathname;
  // Finished transitions: the screen as it rests, not a drawer half-closed.
  await page.screenshot({ path, fullPage: true, animations: "disabled" });
  console.log(`screenshot: ${path}`);
}

for (const theme of ["light", "dark"]) {
  browserTest(
    `the chat page in the ${theme} theme (screenshot)`,
    async ({ page }) => {
      const app = await startApp();
      try {
        await openChat(page, app.url, theme);
        assertEquals(await page.getAttribute("html", "data-theme"), theme);
        await shoot(page, `chat-${theme}`);
      } finally {
        await app.close();
      }
    },
  );
}

browserTest(
  "at 360 px the chat page needs no sideways scrolling and the composer is usable",
  async ({ page }) => {
    const app = await startApp();
    try {
      await openChat(page, app.url);
      // The settled layout: lazily loaded markdown code re-renders the answer once.
      await page.waitForLoadState("networkidle");
      const overflow = await page.evaluate(() =>
        document.documentElement.scrollWidth - innerWidth
      );
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll("body *")]
          .filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5)
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
          .join(", ")
      );
      assert(
        overflow <= 0,
        `the page is ${overflow} px wider than the screen: ${wide}`,
      );
      // The chat list starts hidden on a narrow screen and opens on demand.
      await page.getByRole("button", { name: "Show chat list" }).click();
      await page.getByRole("navigation", { name: "Chats" }).waitFor();
      await page.getByRole("button", { name: "Hide chat list" }).click();
      const composer = page.getByRole("textbox", { name: "Message" });
      await composer.scrollIntoViewIfNeeded();
      const box = await composer.boundingBox();
      assert(
        box && box.width >= 200 && box.x >= 0 && box.x + box.width <= 360,
        JSON.stringify(box),
      );
      await shoot(page, "chat-360px");
    } finally {
      await app.close();
    }
  },
  { viewport: { width: 360, height: 740 } },
);

browserTest(
  "text scales: at 200 % font size the chat page still fits and works",
  async ({ page }) => {
    const app = await startApp();
    try {
      await openChat(page, app.url);
      await page.evaluate(() =>
        document.documentElement.style.fontSize = "200%"
      );
      await page.waitForLoadState("networkidle");
      const overflow = await page.evaluate(() =>
        document.documentElement.scrollWidth - innerWidth
      );
      assert(
        overflow <= 0,
        `the page is ${overflow} px wider than the screen at 200 %`,
      );
      const size = await page.getByRole("textbox", { name: "Message" })
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      assert(size >= 30, `the composer's text is ${size} px at 200 %`);
    } finally {
      await app.close();
    }
  },
);

browserTest(
  "a streaming answer is announced politely, once, not token by token",
  async ({ page }) => {
    const app = await startApp();
    try {
      await page.goto(`${app.url}/?lang=en`);
      await waitForIslands(page);
      const log = page.getByRole("log", { name: "Messages" });
      assertEquals(await log.getAttribute("aria-live"), "polite");
      await page.getByRole("textbox", { name: "Message" }).fill(
        "[[fake:slow=60]] halo",
      );
      await page.getByRole("textbox", { name: "Message" }).press("Enter");
      const answer = log.locator('article[data-role="assistant"]');
      // While it streams the answer is busy, so screen readers wait for it to finish.
      await answer.and(page.locator('[aria-busy="true"]')).waitFor();
      await answer.and(page.locator('[data-status="complete"]')).waitFor();
      assertEquals(await answer.getAttribute("aria-busy"), null);
    } finally {
      await app.close();
    }
  },
);
