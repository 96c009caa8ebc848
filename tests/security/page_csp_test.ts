/**
 * Issue 14: a page's Content-Security-Policy is the one the framework builds
 * from `useCSP(appCsp)` in `_app`, with a nonce per answer for the
 * framework's inline module script; scripts never get 'unsafe-inline', and
 * a script without the nonce does not run.
 */
import { assert, assertEquals, assertMatch } from "@/tests/assert.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";
import { browserTest, waitForIslands } from "@/tests/browser.ts";
import manifest from "@/fresh.gen.ts";

const app = await startApp();
Deno.test.afterAll(() => app.close());

Deno.test("every page's CSP holds a fresh nonce that each of its scripts carries, and no 'unsafe-inline' for scripts", async () => {
  const client = new ApiClient(app.url);
  const id = await client.createChat({ title: "CSP" });
  const seen = new Set<string>();
  for (const path of [`/chats/${id}`, `/chats/${id}`, "/no-such-page"]) {
    const res = await client.fetch(path);
    const html = await res.text();
    const policy = res.headers.get("Content-Security-Policy") ?? "";
    const scriptSrc = /(?:^|; )script-src ([^;]*)/.exec(policy)?.[1] ?? "";
    const nonce = /'nonce-([\w+/=-]+)'/.exec(scriptSrc)?.[1];
    assert(nonce, `${path}: script-src ${scriptSrc} has no nonce`);
    assertEquals(scriptSrc, `'self' 'nonce-${nonce}'`, path);
    assert(!/script-src[^;]*unsafe-inline/.test(policy), policy);
    assertMatch(policy, /object-src 'none'/);
    assertMatch(policy, /base-uri 'none'/);
    assertMatch(policy, /frame-ancestors 'none'/);
    assert(!seen.has(nonce), `${path}: the nonce ${nonce} came twice`);
    seen.add(nonce);
    for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
      assert(tag.includes(`nonce="${nonce}"`), `${path}: ${tag}`);
    }
  }
});

Deno.test("every page route asks the framework for its CSP (csp: true), so its inline module script gets a nonce", () => {
  // A page without it gets the plain header, which refuses that script:
  // its islands would be dead.
  const pages = Object.entries(manifest.routes).filter(([file, module]) =>
    typeof (module as { default?: unknown }).default === "function" &&
    !file.endsWith("/_app.tsx") && !file.includes("/_layout")
  );
  assert(pages.length > 5, `only ${pages.length} page routes found`);
  const missing = pages
    .filter(([, module]) =>
      (module as { config?: { csp?: boolean } }).config?.csp !== true
    )
    .map(([file]) => file);
  assertEquals(missing, []);
});

browserTest(
  "the chat page's islands run under its CSP, and an inline script without the page's nonce is refused",
  async ({ page }) => {
    await page.goto(app.url);
    await waitForIslands(page);
    const outcome = await page.evaluate(() =>
      new Promise<{ ran: boolean; directive: string }>((resolve) => {
        document.addEventListener("securitypolicyviolation", (e) =>
          resolve({
            ran: (globalThis as { __ran?: boolean }).__ran === true,
            directive: e.effectiveDirective,
          }));
        const script = document.createElement("script");
        script.textContent = "globalThis.__ran = true";
        // An inline script runs during append, if the policy lets it.
        document.body.append(script);
      })
    );
    assertEquals(outcome, { ran: false, directive: "script-src-elem" });
  },
  { allowErrors: true },
);
