import { signal } from "@preact/signals";
import { h } from "preact";
import { assertEquals, assertMatch } from "@/tests/assert.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import { createHandler, type Manifest } from "../server.ts";
import * as Counter from "../testdata/islands/Counter.tsx";
import * as Badge from "../testdata/islands/Badge.tsx";
import * as Controls from "../testdata/islands/Controls.tsx";

const manifest: Manifest = {
  baseUrl: new URL("../testdata/fresh.gen.ts", import.meta.url).href,
  islands: { "./islands/Counter.tsx": Counter, "./islands/Badge.tsx": Badge },
  routes: {
    "./routes/index.tsx": {
      default: () => {
        const count = signal(5);
        return h(
          "html",
          null,
          h(
            "body",
            null,
            h("main", null, [
              h(
                Counter.default,
                { count, label: "First" },
                h("p", { id: "slot" }, [
                  "server text ",
                  h(Badge.default, { text: "slotted" }),
                ]),
              ),
              h(Counter.default, { count, label: "Second" }),
            ]),
          ),
        );
      },
    },
  },
};

async function serve(app: Manifest = manifest) {
  const handler = await createHandler(app);
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    handler,
  );
  return {
    url: `http://127.0.0.1:${server.addr.port}/`,
    close: () => server.shutdown(),
  };
}

browserTest(
  "islands revive into the server-rendered nodes, which are reused, not replaced",
  async ({ page }) => {
    const app = await serve();
    try {
      // Hold the islands runtime back until the server-rendered nodes are tagged.
      let release!: () => void;
      const held = new Promise<void>((resolve) => release = resolve);
      await page.route("**/fresh-runtime-*.js", async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(app.url, { waitUntil: "commit" });
      await page.waitForSelector("text=Second");
      await page.evaluate(() => {
        for (const el of document.querySelectorAll("button, #slot, .badge")) {
          (el as unknown as { __server: boolean }).__server = true;
        }
      });
      release();
      await waitForIslands(page);

      const first = page.getByRole("button", { name: /First/ });
      await first.click();
      // One signal passed to both islands stays one live signal in the browser.
      await page.getByRole("button", { name: "First 6" }).waitFor();
      await page.getByRole("button", { name: "Second 6" }).waitFor();
      await page.getByRole("button", { name: "Second 6" }).click();
      await page.getByRole("button", { name: "First 7" }).waitFor();

      const reused = await page.evaluate(() =>
        [...document.querySelectorAll("button, #slot, .badge")].map((el) =>
          (el as unknown as { __server?: boolean }).__server === true
        )
      );
      assertEquals(reused, [true, true, true, true, true, true]);
      // Server-rendered children keep their content, and nothing was duplicated.
      assertEquals(
        await page.locator("#slot").textContent(),
        "server text slotted",
      );
      assertEquals(await page.locator(".badge").count(), 3);
    } finally {
      await app.close();
    }
  },
);

const controls: Manifest = {
  baseUrl: manifest.baseUrl,
  islands: { "./islands/Controls.tsx": Controls },
  routes: {
    "./routes/index.tsx": {
      default: () =>
        h("html", null, [
          h("head", null, [
            h("title", null, "Controls"),
            h("link", { rel: "icon", href: "data:," }),
          ]),
          h("body", null, [
            h("p", null, "server text"),
            h(Controls.SaveButton, { label: "Save" }),
            h(Controls.Bytes, { data: new Uint8Array([7, 8, 9, 10, 11]) }),
            h(
              Controls.Disclosure,
              { label: "More" },
              h("p", { id: "hidden" }, [
                "hidden text ",
                h(Controls.SaveButton, { label: "Inner" }),
              ]),
            ),
          ]),
        ]),
    },
  },
};

browserTest(
  "named-export islands revive with render(): markers gone, disabled={!IS_BROWSER} lifted, Uint8Array props, npm: imports and unrendered children work",
  async ({ page }) => {
    const app = await serve(controls);
    try {
      const html = await (await fetch(app.url)).text();
      // The server sends the button disabled and markers around each island.
      assertMatch(html, /<button type="button" disabled(="")?>Save<\/button>/);
      assertMatch(html, /<!--frsh-Controls_SaveButton:0:-->/);
      await page.goto(app.url);
      await waitForIslands(page);
      const save = page.getByRole("button", { name: "Save", exact: true });
      assertEquals(await save.isEnabled(), true);
      await save.click();
      await page.getByRole("button", { name: "Saved" }).waitFor();
      assertEquals(
        await page.locator("output").textContent(),
        "5 bytes, first = 7",
      );
      // Children the island did not render came as a template, and show once opened.
      assertMatch(
        html,
        /<template id="frsh-slot-Controls_Disclosure-2-children"><p id="hidden">hidden text /,
      );
      assertEquals(await page.locator("#hidden").count(), 0);
      await page.getByRole("button", { name: "More" }).click();
      await page.locator("#hidden").waitFor();
      await page.getByRole("button", { name: "Inner" }).click();
      await page.getByRole("button", { name: "Saved" }).nth(1).waitFor();
      const comments = await page.evaluate(() => {
        const walker = document.createTreeWalker(
          document.body,
          NodeFilter.SHOW_COMMENT,
        );
        const out: string[] = [];
        while (walker.nextNode()) out.push(walker.currentNode.textContent!);
        return out;
      });
      assertEquals(comments, []);
    } finally {
      await app.close();
    }
  },
);
