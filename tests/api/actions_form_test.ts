import { assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";

Deno.test("the chat actions form (/chats/:id/actions)", async (t) => {
  const app = await startApp();
  try {
    const client = new ApiClient(app.url);
    const id = await client.createChat({ title: "Keep me" });
    const post = (body: BodyInit, type?: string) =>
      client.fetch(`/chats/${id}/actions`, {
        method: "POST",
        body,
        headers: type ? { "Content-Type": type } : {},
        redirect: "manual",
      });
    const title = async () =>
      (await client.json<{ chat: { title: string } }>(`/api/chats/${id}`))
        .chat.title;

    await t.step(
      "a body that is not a form is a 400 that says so, and nothing changes",
      async () => {
        for (
          const [body, type] of [
            [JSON.stringify({ action: "delete" }), "application/json"],
            ["action=delete", "text/plain"],
            ["--x\r\nnot multipart at all", "multipart/form-data; boundary=y"],
          ]
        ) {
          const res = await post(body, type);
          assertEquals(res.status, 400, type);
          assertStringIncludes(await res.text(), "the request is not a form");
        }
        assertEquals(await title(), "Keep me");
      },
    );

    await t.step(
      "a form larger than 256 KB is a 413 that says so, and nothing changes",
      async () => {
        const huge = new URLSearchParams({
          action: "rename",
          title: "x".repeat(300 * 1024),
        });
        const res = await post(huge);
        assertEquals(res.status, 413);
        assertStringIncludes(await res.text(), "larger than 262144 bytes");
        assertEquals(await title(), "Keep me");
      },
    );

    await t.step("urlencoded and multipart forms still work", async () => {
      const rename = await post(
        new URLSearchParams({ action: "rename", title: "Renamed" }),
      );
      assertEquals(rename.status, 303);
      await rename.body?.cancel();
      assertEquals(await title(), "Renamed");
      const form = new FormData();
      form.set("action", "pin");
      const pin = await post(form);
      assertEquals(pin.status, 303);
      await pin.body?.cancel();
      const { chat } = await client.json<{ chat: { pinned: boolean } }>(
        `/api/chats/${id}`,
      );
      assertEquals(chat.pinned, true);
    });
  } finally {
    await app.close();
  }
});
