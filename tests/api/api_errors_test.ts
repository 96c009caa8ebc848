import { assert, assertEquals } from "@/tests/assert.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";

Deno.test("API errors: routes throw, routes/api/_middleware.ts answers", async (t) => {
  const app = await startApp();
  try {
    const client = new ApiClient(app.url);
    await client.createChat();

    await t.step(
      "an ApiError thrown by a route is its JSON answer",
      async () => {
        const missing = await client.fetch("/api/chats/no-such-chat");
        assertEquals(missing.status, 404);
        assertEquals(
          missing.headers.get("Content-Type"),
          "application/json; charset=utf-8",
        );
        assertEquals(await missing.json(), {
          error: {
            code: "not_found",
            message: "This chat does not exist, or it is not yours.",
          },
        });
        const unconfirmed = await client.fetch("/api/chats", {
          method: "DELETE",
        });
        assertEquals(unconfirmed.status, 400);
        assertEquals((await unconfirmed.json()).error.code, "invalid_request");
      },
    );

    await t.step(
      "any other error is answered `internal` and logged without its message",
      async () => {
        const store = app.services.store;
        const listChats = store.listChats;
        const logged: string[] = [];
        const consoleError = console.error;
        store.listChats = () => {
          throw new Error("KV broke while reading 'my private words'");
        };
        console.error = (...args: unknown[]) => logged.push(args.join(" "));
        let res: Response;
        try {
          res = await client.fetch("/api/chats?q=anything");
        } finally {
          store.listChats = listChats;
          console.error = consoleError;
        }
        assertEquals(res.status, 500);
        const text = await res.text();
        assertEquals(JSON.parse(text), {
          error: {
            code: "internal",
            message: "Something went wrong on the server. Try again.",
          },
        });
        assertEquals(logged.length, 1);
        assert(logged[0].startsWith("API error on GET /api/chats:"), logged[0]);
        assert(logged[0].includes("Error"), logged[0]);
        for (const where of [text, logged[0]]) {
          assert(!where.includes("my private words"), where);
        }
        // The app still answers normally afterwards.
        const after = await client.fetch("/api/chats");
        assertEquals(after.status, 200);
        await after.body?.cancel();
      },
    );
  } finally {
    await app.close();
  }
});
