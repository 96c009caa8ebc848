/**
 * Issue 13, finding 14: an upstream error that echoes the API key in any
 * form never shows it to the user.
 */
import { assert, assertEquals } from "@/tests/assert.ts";
import { ApiClient, startApp, TEST_API_KEY } from "@/tests/app_server.ts";

const app = await startApp();
Deno.test.afterAll(() => app.close());

const FORMS: Record<string, string> = {
  "upper-cased": TEST_API_KEY.toUpperCase(),
  "URL-encoded": encodeURIComponent(TEST_API_KEY).replaceAll("-", "%2D"),
  "base64-encoded": btoa(TEST_API_KEY),
  "split by zero-width spaces": TEST_API_KEY.split("").join("\u200b"),
  "its tail": `…${TEST_API_KEY.slice(-12)}`,
};

// The two errors whose provider text is shown to the user.
const ERRORS = {
  "a 400": (message: string) => ({
    type: "http_error" as const,
    status: 400,
    message,
  }),
  "a mid-stream error": (message: string) => ({
    type: "midstream_error" as const,
    code: 502,
    message,
  }),
};

for (const [name, form] of Object.entries(FORMS)) {
  for (const [kind, scenario] of Object.entries(ERRORS)) {
    Deno.test(`${kind} echoing the key ${name} shows no part of it`, async () => {
      const client = new ApiClient(app.url);
      const id = await client.createChat();
      app.fake.enqueue(scenario(`Invalid key ${form} for this account`));
      const events = await client.send(id, "Halo");
      const done = events.at(-1)!;
      assertEquals(done.event, "done");
      const shown = JSON.stringify(events).toLowerCase();
      for (let i = 0; i + 8 <= TEST_API_KEY.length; i++) {
        const piece = TEST_API_KEY.slice(i, i + 8).toLowerCase();
        assert(!shown.includes(piece), `"${piece}" reached the browser`);
      }
      assert(!shown.includes(form.toLowerCase().slice(0, 16)));
    });
  }
}
