/**
 * An axe-core audit (WCAG 2.2 A and AA rules) of the main pages in Chromium,
 * in both languages and both themes.
 */
import { assertEquals } from "@/tests/assert.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";
import { audit } from "./axe.ts";

for (const [lang, theme] of [["en", "light"], ["id", "dark"]]) {
  browserTest(
    `axe finds no WCAG violation on a chat page (${lang}, ${theme})`,
    async ({ page }) => {
      const app = await startApp();
      try {
        const client = new ApiClient(app.url);
        const id = await client.createChat();
        await client.send(
          id,
          "[[fake:reasoning]] Jelaskan **markdown** dengan contoh kode",
        );
        const [name, value] = client.cookie.split("=");
        await page.context().addCookies([{ name, value, url: app.url }, {
          name: "theme",
          value: theme,
          url: app.url,
        }]);
        await page.goto(`${app.url}/chats/${id}?lang=${lang}`);
        await waitForIslands(page);
        assertEquals(await audit(page), []);
      } finally {
        await app.close();
      }
    },
  );
}

browserTest(
  "axe finds no WCAG violation on the sign-in page",
  async ({ page }) => {
    const app = await startApp({ APP_PASSWORD: "kata-sandi-rahasia" });
    try {
      await page.goto(`${app.url}/login?lang=en`);
      assertEquals(await audit(page), []);
    } finally {
      await app.close();
    }
  },
);

browserTest(
  "axe finds no WCAG violation on the not-found page",
  async ({ page, errors }) => {
    const app = await startApp();
    try {
      await page.goto(`${app.url}/no-such-page?lang=id`);
      assertEquals(await audit(page), []);
      // The audit can fail: an unlabeled text field is a violation.
      await page.evaluate(() =>
        document.body.append(document.createElement("input"))
      );
      const found = await audit(page);
      assertEquals(
        found.some((v) => v.startsWith("label ")),
        true,
        found.join("\n"),
      );
      assertEquals(errors.filter((e) => !e.includes("status of 404")), []);
    } finally {
      await app.close();
    }
  },
  { allowErrors: true },
);

browserTest(
  "axe finds no WCAG violation with the shell's menu, model list, settings panel and dialog open",
  async ({ page }) => {
    const app = await startApp();
    try {
      const client = new ApiClient(app.url);
      const pinned = await client.createChat({ title: "Pinned one" });
      await client.json(`/api/chats/${pinned}`, {
        method: "PATCH",
        json: { pinned: true },
      });
      const id = await client.createChat({ title: "Open one" });
      await client.send(id, "halo");
      const [name, value] = client.cookie.split("=");
      await page.context().addCookies([{ name, value, url: app.url }]);
      await page.goto(`${app.url}/chats/${id}?lang=en`);
      await waitForIslands(page);
      const found: string[] = [];
      const check = async (state: string) =>
        found.push(...(await audit(page)).map((v) => `${state}: ${v}`));
      await page.getByRole("button", { name: "Chat actions" }).first().click();
      await page.getByRole("menu").waitFor();
      await check("row menu");
      await page.keyboard.press("Escape");
      await page.getByRole("combobox", { name: "Model" }).click();
      await page.getByRole("listbox").waitFor();
      await check("model list");
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "Chat settings" }).click();
      await page.getByRole("region", { name: "Chat settings" }).waitFor();
      await check("chat settings");
      await page.getByRole("button", { name: "Settings", exact: true }).click();
      await page.getByRole("dialog", { name: "Settings" }).waitFor();
      await check("settings dialog");
      assertEquals(found, []);
    } finally {
      await app.close();
    }
  },
);

browserTest(
  "axe finds no WCAG violation with the phone drawer open",
  async ({ page }) => {
    const app = await startApp();
    try {
      await page.goto(`${app.url}/?lang=id`);
      await waitForIslands(page);
      await page.getByRole("button", { name: "Tampilkan daftar obrolan" })
        .click();
      await page.getByRole("navigation", { name: "Obrolan" }).waitFor();
      assertEquals(await audit(page), []);
    } finally {
      await app.close();
    }
  },
  { viewport: { width: 360, height: 740 } },
);
