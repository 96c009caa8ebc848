import { assert, assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import { startApp } from "@/tests/app_server.ts";
import { submitAccountForm } from "@/tests/account_helpers.ts";
import { pollUntil } from "@/tests/poll.ts";
import { lastAnswer, sendMessage, SIZES } from "./helpers.ts";
import type { Page } from "playwright-core";

const app = await startApp({ ADMIN_USERNAMES: "boss" });
Deno.test.afterAll(() => app.close());

const chatList = (page: Page) =>
  page.getByRole("navigation", { name: "Chats" });

/** Sends `text` on a new chat page and waits for its answer. */
async function chatAbout(page: Page, text: string) {
  await page.goto(`${app.url}/?lang=en`);
  await waitForIslands(page);
  await sendMessage(page, text);
  await lastAnswer(page).and(page.locator('[data-status="complete"]'))
    .waitFor();
}

/** Creates an account on the account page. */
async function createAccount(page: Page, username: string) {
  await page.goto(`${app.url}/account?lang=en`);
  await submitAccountForm(page, "Create an account", username);
}

for (const [size, viewport] of SIZES) {
  browserTest(
    `an account made in one browser shows the same chats when signed in from a second (${size})`,
    async ({ page, browser }) => {
      const name = `tini-${size}`;
      await createAccount(page, name);
      await page.waitForURL(`${app.url}/`);
      await chatAbout(page, `Catatan belanja ${size}`);
      const other = await browser.newContext({ viewport, locale: "en-US" });
      try {
        const second = await other.newPage();
        await second.goto(`${app.url}/account?lang=en`);
        await submitAccountForm(second, "Sign in", name);
        if (size === "phone") {
          // On a phone the chat list is a drawer, closed until asked for.
          await waitForIslands(second);
          await second.getByRole("button", { name: "Show chat list" }).click();
        }
        await chatList(second).getByRole("link", {
          name: `Catatan belanja ${size}`,
        })
          .waitFor({ state: "attached" });
      } finally {
        await other.close();
      }
    },
    { viewport },
  );
}

browserTest(
  "anonymous chats move into the account after the person says so",
  async ({ page, browser }) => {
    await chatAbout(page, "Pertanyaan sebelum daftar");
    await createAccount(page, "umar");
    await page.getByRole("heading", {
      name: "Move your chats into your account?",
    }).waitFor();
    await page.getByText("This browser holds 1 chat made").waitFor();
    await page.getByRole("button", { name: "Move chats" }).click();
    await page.getByRole("status").filter({ hasText: "1 chat moved" })
      .waitFor();
    const other = await browser.newContext({ locale: "en-US" });
    try {
      const second = await other.newPage();
      await second.goto(`${app.url}/account?lang=en`);
      await submitAccountForm(second, "Sign in", "umar");
      await chatList(second).getByRole("link", {
        name: "Pertanyaan sebelum daftar",
      })
        .waitFor({ state: "attached" });
    } finally {
      await other.close();
    }
  },
);

browserTest(
  "after Sign out the chat list of that browser is empty",
  async ({ page }) => {
    await createAccount(page, "vina");
    await page.waitForURL(`${app.url}/`);
    await chatAbout(page, "Daftar rahasia Vina");
    await page.goto(`${app.url}/account?lang=en`);
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "You are signed out" })
      .waitFor();
    await page.goto(`${app.url}/?lang=en`);
    await waitForIslands(page);
    assertEquals(
      await chatList(page).getByRole("link", { name: "Daftar rahasia Vina" })
        .count(),
      0,
    );
    await page.goBack();
    await page.reload();
    assertEquals((await page.content()).includes("Daftar rahasia Vina"), false);
  },
);

browserTest(
  "Sign out everywhere ends the session of the other browser",
  async ({ page, browser }) => {
    await createAccount(page, "wawan");
    await page.waitForURL(`${app.url}/`);
    await chatAbout(page, "Chat Wawan");
    const other = await browser.newContext({ locale: "en-US" });
    try {
      const second = await other.newPage();
      await second.goto(`${app.url}/account?lang=en`);
      await submitAccountForm(second, "Sign in", "wawan");
      await chatList(second).getByRole("link", { name: "Chat Wawan" })
        .waitFor({ state: "attached" });
      await page.goto(`${app.url}/account?lang=en`);
      const devices = page.getByRole("region", { name: "Devices" });
      assertEquals(await devices.getByRole("listitem").count(), 2);
      await page.getByRole("button", { name: "Sign out everywhere" }).click();
      await page.getByRole("status").filter({ hasText: "Every other browser" })
        .waitFor();
      await second.reload();
      assertEquals(
        await chatList(second).getByRole("link", { name: "Chat Wawan" })
          .count(),
        0,
      );
      await second.goto(`${app.url}/account?lang=en`);
      await second.getByRole("button", { name: "Sign in", exact: true })
        .waitFor();
      // This browser stays signed in.
      await page.goto(`${app.url}/?lang=en`);
      await chatList(page).getByRole("link", { name: "Chat Wawan" }).waitFor({
        state: "attached",
      });
    } finally {
      await other.close();
    }
  },
);

browserTest(
  "a passkey is registered and then signs in, through Chromium's virtual authenticator",
  async ({ page, browser }) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    const { authenticatorId } = await cdp.send(
      "WebAuthn.addVirtualAuthenticator",
      {
        options: {
          protocol: "ctap2",
          transport: "internal",
          hasResidentKey: true,
          hasUserVerification: true,
          isUserVerified: true,
          automaticPresenceSimulation: true,
        },
      },
    );
    // WebAuthn needs a host name, not an IP address.
    const host = app.url.replace("127.0.0.1", "localhost");
    await page.goto(`${host}/account?lang=en`);
    await submitAccountForm(page, "Create an account", "xenia");
    await page.waitForURL(`${host}/`);
    await page.goto(`${host}/account?lang=en`);
    await waitForIslands(page);
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await page.getByRole("status").filter({ hasText: "Passkey added" })
      .waitFor();
    await page.getByText("1 passkey registered.").waitFor();
    const { credentials } = await cdp.send("WebAuthn.getCredentials", {
      authenticatorId,
    });
    assertEquals(credentials.length, 1);

    // Another browser profile holding the same passkey signs in with it.
    const other = await browser.newContext({ locale: "en-US" });
    try {
      const second = await other.newPage();
      const cdp2 = await other.newCDPSession(second);
      await cdp2.send("WebAuthn.enable");
      const { authenticatorId: id2 } = await cdp2.send(
        "WebAuthn.addVirtualAuthenticator",
        {
          options: {
            protocol: "ctap2",
            transport: "internal",
            hasResidentKey: true,
            hasUserVerification: true,
            isUserVerified: true,
            automaticPresenceSimulation: true,
          },
        },
      );
      await cdp2.send("WebAuthn.addCredential", {
        authenticatorId: id2,
        credential: credentials[0],
      });
      await second.goto(`${host}/account?lang=en`);
      await waitForIslands(second);
      await second.getByRole("button", { name: "Sign in with a passkey" })
        .click();
      await second.waitForURL(`${host}/`);
      await second.goto(`${host}/account?lang=en`);
      await second.getByText("Signed in as xenia").waitFor();
    } finally {
      await other.close();
    }
  },
);

browserTest(
  "a failed passkey ceremony says so and signs nobody in",
  async ({ page }) => {
    const host = app.url.replace("127.0.0.1", "localhost");
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    // An authenticator without any credential: the ceremony cannot succeed.
    await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: {
        protocol: "ctap2",
        transport: "internal",
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    await page.goto(`${host}/account?lang=en`);
    await waitForIslands(page);
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await page.getByRole("alert").filter({
      hasText: "The passkey could not be used",
    }).waitFor();
    await page.reload();
    await page.getByRole("button", { name: "Sign in", exact: true }).waitFor();
  },
  { allowErrors: true },
);

browserTest(
  "Connect OpenRouter runs the PKCE flow and the next answer goes out with the person's key",
  async ({ page }) => {
    await createAccount(page, "yusuf");
    await page.waitForURL(`${app.url}/`);
    await page.goto(`${app.url}/account?lang=en`);
    await page.getByRole("button", { name: "Connect OpenRouter" }).click();
    await page.getByRole("status").filter({
      hasText: "Your OpenRouter key is saved",
    }).waitFor();
    const key = app.fake.auth.issued.at(-1)!;
    await page.getByText(`Your key ending in ${key.slice(-4)}`).waitFor();
    const before = app.fake.requests.length;
    await chatAbout(page, "Jawab dengan kunciku");
    const sent = app.fake.requests.slice(before).find((r) =>
      r.path.endsWith("/chat/completions")
    );
    assertEquals(sent?.headers.authorization, `Bearer ${key}`);
    assert(!(await page.content()).includes(key));
  },
);

browserTest(
  "an admin sets a tiny monthly limit and the person's next answer is refused with the message",
  async ({ browser, page }) => {
    const adminContext = await browser.newContext({ locale: "en-US" });
    try {
      await createAccount(page, "zaki");
      await page.waitForURL(`${app.url}/`);
      await chatAbout(page, "Jawaban pertama");
      const zaki = (await app.services.accounts.store.byUsername("zaki"))!;
      const { monthSpend } = await import("@/lib/accounts/usage.ts");
      await pollUntil(
        async () => await monthSpend(app.services.kv, zaki.owner) > 0,
        {
          what: "the first answer's cost counted",
        },
      );
      const adminPage = await adminContext.newPage();
      await adminPage.goto(`${app.url}/account?lang=en`);
      await submitAccountForm(adminPage, "Create an account", "boss");
      await adminPage.waitForURL(`${app.url}/`);
      await adminPage.goto(`${app.url}/admin?lang=en`);
      await adminPage.getByRole("textbox", {
        name: "Monthly limit (USD) for zaki",
      }).fill("0.0000001");
      await adminPage.getByRole("button", { name: "Save zaki" }).click();
      await adminPage.getByRole("status").filter({ hasText: "Saved" })
        .waitFor();
      await sendMessage(page, "Jawaban kedua");
      const alert = page.getByRole("alert").filter({
        hasText: "spending limit",
      });
      await alert.waitFor();
      assertStringIncludes(await alert.textContent() ?? "", "$1.0e-7");
    } finally {
      await adminContext.close();
    }
  },
  { allowErrors: true },
);

browserTest(
  "the usage page's chart and table show the day's spend, also without JavaScript",
  async ({ browser, page }) => {
    await createAccount(page, "usagi");
    await page.waitForURL(`${app.url}/`);
    await chatAbout(page, "Berapa biayanya?");
    const usagi = (await app.services.accounts.store.byUsername("usagi"))!;
    const { usageRows } = await import("@/lib/accounts/usage.ts");
    const [row] = await pollUntil(async () => {
      const rows = await usageRows(app.services.kv, usagi.owner);
      return rows.length > 0 && rows;
    }, { what: "the answer's usage counted" });
    const cookies = await page.context().cookies();
    const noJs = await browser.newContext({
      javaScriptEnabled: false,
      locale: "en-US",
    });
    try {
      await noJs.addCookies(cookies);
      const plain = await noJs.newPage();
      await plain.goto(`${app.url}/account?lang=en`);
      await plain.getByRole("link", { name: "Usage" }).click();
      const chart = plain.getByRole("img", {
        name: "Spend per day over the last 30 days",
      });
      await chart.waitFor();
      const today = new Date().toISOString().slice(0, 10);
      const bar = chart.locator(`rect[data-day="${today}"]`);
      assert(
        Number(await bar.getAttribute("height")) > 0,
        "today's bar is drawn",
      );
      assertEquals(Number(await bar.getAttribute("data-cost")), row.cost);
      const table = plain.getByRole("table", {
        name: "Spend and tokens per day and model",
      });
      await table.getByRole("cell", { name: today }).waitFor();
      await table.getByRole("cell", { name: row.model }).waitFor();
    } finally {
      await noJs.close();
    }
  },
);
