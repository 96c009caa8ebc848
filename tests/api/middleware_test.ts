import { assert, assertEquals } from "@/tests/assert.ts";
import { startApp } from "@/tests/app_server.ts";

Deno.test("routes/_middleware.ts: what its steps add to an answer", async (t) => {
  const app = await startApp();
  const cookies = async (path: string) => {
    const res = await fetch(app.url + path, { redirect: "manual" });
    await res.body?.cancel();
    return res.headers.getSetCookie().map((c) => c.split(";")[0].split("=")[0]);
  };
  try {
    await t.step(
      "a page or API answer brings a new visitor a session cookie; a static file none",
      async () => {
        assertEquals(await cookies("/api/chats"), ["chatai_session"]);
        assertEquals(await cookies("/login"), ["chatai_session"]);
        assertEquals(await cookies("/styles.css"), []);
      },
    );

    await t.step(
      "a language chosen with ?lang= is kept for a year; an unknown one is not",
      async () => {
        const res = await fetch(`${app.url}/login?lang=en`, {
          redirect: "manual",
        });
        await res.body?.cancel();
        const lang = res.headers.getSetCookie().find((c) =>
          c.startsWith("lang=")
        );
        assert(lang, res.headers.getSetCookie().join("\n"));
        assertEquals(lang.split(";")[0], "lang=en");
        assert(lang.includes(`Max-Age=${60 * 60 * 24 * 365}`), lang);
        assertEquals(await cookies("/login?lang=xx"), ["chatai_session"]);
      },
    );
  } finally {
    await app.close();
  }
});
