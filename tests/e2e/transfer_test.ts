import { assert, assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";
import type { Page } from "playwright-core";

const fixture = (name: string) =>
  new URL(`../fixtures/${name}`, import.meta.url).pathname;

/** Per valid fixture: the chats it makes, and texts of the first one's messages. */
const VALID: Record<string, { titles: string[]; texts: string[] }> = {
  "chat.md": {
    titles: ["Belajar Python dasar"],
    texts: ["Bagaimana cara membuat list di Python?", "Mantap, terima kasih!"],
  },
  "chat.txt": {
    titles: ["chat"],
    texts: ["Halo! Tolong jelaskan apa itu gotong royong.", "Sama-sama!"],
  },
  "chat_time_only.txt": {
    titles: ["chat_time_only"],
    texts: ["Selamat pagi, jam berapa sebaiknya sarapan?"],
  },
  "chatai_all.json": {
    // "Obrolan baru" is the app's own untitled title: the English UI shows it
    // as "New chat" (shownTitle).
    titles: ["Belajar pecahan", "New chat", "日本語の挨拶 🇯🇵"],
    texts: ["Berapa 1/2 + 1/3?", "5/6"],
  },
  "chatai_single.json": {
    titles: ["Resep rendang Padang"],
    texts: ["Bagaimana cara membuat rendang yang empuk? 🍛"],
  },
  "chatgpt_conversations.json": {
    titles: ["Ide liburan ke Bali", "Pantun jenaka"],
    texts: ["Berapa biaya tiga hari di Ubud untuk dua orang?"],
  },
  "legacy.json": {
    titles: ["legacy"],
    texts: [
      "Siapa presiden pertama Indonesia?",
      "Wakil presiden pertama adalah Mohammad Hatta.",
    ],
  },
};

/** Opens the latest chat (`/` redirects there) in English, islands running, and its Settings dialog. */
async function openChatPage(page: Page, url: string) {
  await page.goto(`${url}/?lang=en`);
  await waitForIslands(page);
  await page.getByRole("button", { name: "Settings", exact: true }).click();
}

for (const [name, expected] of Object.entries(VALID)) {
  browserTest(
    `importing ${name} through "Import chat" opens its chat with every message`,
    async ({ page }) => {
      const app = await startApp();
      try {
        await openChatPage(page, app.url);
        const before = page.url();
        await page.getByLabel("Import chat").setInputFiles(fixture(name));
        await page.waitForURL((url) => url.href !== before);
        await waitForIslands(page);
        const nav = page.getByRole("navigation", { name: "Chats" });
        for (const title of expected.titles) {
          await nav.getByRole("link", { name: title, exact: true }).waitFor();
        }
        assertEquals(
          await page.locator("h1").textContent(),
          expected.titles[0],
        );
        const log = page.getByRole("log", { name: "Messages" });
        for (const text of expected.texts) {
          await log.getByText(text).first().waitFor();
        }
        const status = page.getByRole("status").filter({
          hasText: `Imported ${expected.titles.length} ${
            expected.titles.length === 1 ? "chat" : "chats"
          }.`,
        });
        await status.waitFor();
      } finally {
        await app.close();
      }
    },
  );
}

browserTest(
  "warnings of an import are listed on the imported chat",
  async ({ page }) => {
    const app = await startApp();
    try {
      await openChatPage(page, app.url);
      await page.getByLabel("Import chat").setInputFiles(
        fixture("legacy.json"),
      );
      const status = page.getByRole("status").filter({
        hasText: "Imported 1 chat.",
      });
      await status.getByRole("listitem").filter({
        hasText:
          "Message 3: the role “tool” is not one of user, assistant or system",
      }).waitFor();
      // Settings opened again (for another import): the old outcome goes,
      // so it cannot stand beside the next one's.
      await page.getByRole("button", { name: "Settings", exact: true }).click();
      await page.getByRole("dialog", { name: "Settings" }).waitFor();
      assertEquals(await status.count(), 0);
    } finally {
      await app.close();
    }
  },
);

browserTest(
  "an invalid file shows why it was refused and imports nothing",
  async ({ page, errors }) => {
    const app = await startApp();
    try {
      await openChatPage(page, app.url);
      const before = page.url();
      const nav = page.getByRole("navigation", { name: "Chats" });
      const links = await nav.getByRole("link").count();
      await page.getByLabel("Import chat").setInputFiles(
        fixture("wrong_types.json"),
      );
      const alert = page.getByRole("alert").filter({
        hasText: "Message 2: “content” should be text, but it is a number.",
      });
      await alert.waitFor();
      assertEquals(page.url(), before);
      await page.reload();
      assertEquals(await nav.getByRole("link").count(), links);
      // The browser logs the refused upload (400) itself; nothing else.
      assert(
        errors.every((e) => e.includes("400")),
        `unexpected errors: ${errors.join("\n")}`,
      );
    } finally {
      await app.close();
    }
  },
  { allowErrors: true },
);

browserTest(
  "Export JSON, TXT and Markdown download the chat as files named after it",
  async ({ page }) => {
    const app = await startApp();
    try {
      const client = new ApiClient(app.url);
      const id = await client.createChat({ title: "Resep nasi goreng" });
      await client.send(id, "Bagaimana membuat nasi goreng? 🍳");
      const [name, value] = client.cookie.split("=");
      await page.context().addCookies([{ name, value, url: app.url }]);
      await page.goto(`${app.url}/chats/${id}?lang=en`);
      await waitForIslands(page);

      const download = async (label: string) => {
        // One chat's files are in its row menu; every chat's in Settings.
        const all = label === "Export all chats";
        await page.getByRole("button", {
          name: all ? "Settings" : "Chat actions",
          exact: true,
        }).click();
        const [file] = await Promise.all([
          page.waitForEvent("download"),
          page.getByRole(all ? "link" : "menuitem", {
            name: label,
            exact: true,
          })
            .click(),
        ]);
        if (all) await page.getByRole("button", { name: "Close" }).click();
        const path = await file.path();
        return {
          name: file.suggestedFilename(),
          text: Deno.readTextFileSync(path),
        };
      };

      const md = await download("Export Markdown");
      assertEquals(md.name, "Resep nasi goreng.md");
      assert(md.text.startsWith("# Resep nasi goreng\n"), md.text);
      assert(
        /\n\*\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\* - \*\*User\*\*:\n\nBagaimana membuat nasi goreng\? 🍳\n\n---\n/
          .test(md.text),
        md.text,
      );
      assertStringIncludes(md.text, "**Assistant**:\n\nEcho: Bagaimana");

      const txt = await download("Export TXT");
      assertEquals(txt.name, "Resep nasi goreng.txt");
      assert(
        /^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] User: Bagaimana membuat nasi goreng\? 🍳\n\n\[/
          .test(txt.text),
        txt.text,
      );

      const json = await download("Export JSON");
      assertEquals(json.name, "Resep nasi goreng.json");
      const data = JSON.parse(json.text);
      assertEquals(data.chat.id, id);
      assertEquals(data.messages.length, 2);

      const all = await download("Export all chats");
      assert(/^chatai-\d{4}-\d\d-\d\d\.json$/.test(all.name), all.name);
      assertEquals(JSON.parse(all.text).chats.length, 1);
    } finally {
      await app.close();
    }
  },
);

browserTest(
  "with JavaScript off the import form opens the imported chat or explains a refusal",
  async ({ page, errors }) => {
    const app = await startApp();
    try {
      await page.goto(`${app.url}/?lang=en`);
      const home = page.url();
      await page.getByLabel("Import chat").setInputFiles(fixture("chat.md"));
      await page.getByRole("button", { name: "Import", exact: true }).click();
      await page.waitForURL((url) => url.href !== home);
      await page.getByRole("navigation", { name: "Chats" })
        .getByRole("link", { name: "Belajar Python dasar" }).waitFor();
      await page.getByRole("log", { name: "Messages" })
        .getByText("Mantap, terima kasih!").waitFor();

      const chatPage = page.url();
      await page.getByLabel("Import chat").setInputFiles(
        fixture("truncated.json.part"),
      );
      await page.getByRole("button", { name: "Import", exact: true }).click();
      await page.getByRole("heading", {
        name: "The file could not be imported",
      })
        .waitFor();
      assertStringIncludes(
        await page.getByRole("alert").textContent() ?? "",
        "The JSON ends too early",
      );
      await page.getByRole("link", { name: "Back to the chat" }).click();
      await page.waitForURL(chatPage);
      // The refusal page is a 400, which the browser logs; nothing else.
      assertEquals(errors.length, 1);
      assertStringIncludes(errors[0], "400");
    } finally {
      await app.close();
    }
  },
  { javaScriptEnabled: false, allowErrors: true },
);

browserTest(
  "in Indonesian the controls read Impor obrolan and Ekspor Markdown",
  async ({ page }) => {
    const app = await startApp();
    try {
      // A stored chat (the page's cookie): an unsaved new one has nothing to export.
      await page.request.post(`${app.url}/api/chats`, {
        data: {},
        headers: { Origin: app.url },
      });
      await page.goto(`${app.url}/?lang=id`);
      await waitForIslands(page);
      await page.getByRole("button", { name: "Tindakan obrolan" }).click();
      for (const name of ["Ekspor JSON", "Ekspor TXT", "Ekspor Markdown"]) {
        await page.getByRole("menuitem", { name, exact: true }).waitFor();
      }
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "Pengaturan", exact: true })
        .click();
      await page.getByLabel("Impor obrolan").waitFor();
      await page.getByRole("link", { name: "Ekspor semua obrolan" }).waitFor();
    } finally {
      await app.close();
    }
  },
);
