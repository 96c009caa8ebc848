/**
 * Issue 13, finding 9: `/login?next=` sends the browser only to a path of
 * this site, and request data cannot forge lines in the server's log.
 */
import { assert, assertEquals } from "@/tests/assert.ts";
import { startApp } from "@/tests/app_server.ts";

const HOSTILE = [
  "/%09/evil.example",
  "%2F%09%2Fevil.example",
  "/%0A/evil.example",
  "//evil.example",
  "/\\evil.example",
  "%2F%5Cevil.example",
  "https://evil.example/",
  "/%0D%0AX-Forged:%201",
  "%20//evil.example",
  "javascript:alert(1)",
];

Deno.test("/login?next= redirects only to this site's own paths and logs no control characters", async () => {
  const app = await startApp();
  const logged: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) =>
    logged.push(args.map(String).join(" "));
  try {
    for (const next of HOSTILE) {
      const res = await fetch(`${app.url}/login?next=${next}`, {
        redirect: "manual",
      });
      await res.body?.cancel();
      assertEquals(res.status, 303, next);
      const location = res.headers.get("Location")!;
      const target = new URL(location, app.url);
      assertEquals(target.origin, app.url, `${next} → ${location}`);
      // deno-lint-ignore no-control-regex
      assert(!/[\x00-\x1f\x7f\\]/.test(location), `${next} → ${location}`);
    }
    const kept = await fetch(`${app.url}/login?next=%2Fchats%2Fabc%3Fq%3D1`, {
      redirect: "manual",
    });
    await kept.body?.cancel();
    assertEquals(kept.headers.get("Location"), "/chats/abc?q=1");
    // A line break in `next` once failed the redirect and was logged raw.
    const res = await fetch(`${app.url}/login?next=/%0AFORGED%20LINE`, {
      redirect: "manual",
    });
    await res.body?.cancel();
    for (const line of logged) {
      assert(!/\n\s*FORGED/.test(line), `a forged log line: ${line}`);
    }
  } finally {
    console.error = original;
    await app.close();
  }
});
