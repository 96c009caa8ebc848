/**
 * Issue 13, findings 1 and 17: one message must not freeze the server, and
 * the speed of a page must not tell one owner what another has viewed.
 */
import { assert, assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { ApiClient, startApp } from "@/tests/app_server.ts";
import { prepareMarkdown } from "@/lib/markdown/prepare.ts";

const app = await startApp();
Deno.test.afterAll(() => app.close());

/** Imports one chat whose answer is `answer`; returns its id. */
async function importAnswer(client: ApiClient, answer: string) {
  const file = JSON.stringify({
    format: "chatai",
    version: 1,
    exportedAt: "2026-11-24T04:49:03.000Z",
    chat: {
      id: "x",
      title: "Bom",
      createdAt: "2026-11-20T08:15:00+07:00",
      updatedAt: "2026-11-20T08:16:00+07:00",
    },
    messages: [
      {
        id: "m1",
        role: "user",
        content: "Tolong",
        createdAt: "2026-11-20T08:15:00+07:00",
      },
      {
        id: "m2",
        role: "assistant",
        content: answer,
        createdAt: "2026-11-20T08:16:00+07:00",
      },
    ],
  });
  const res = await client.fetch("/api/import?filename=bom.json", {
    method: "POST",
    headers: { "Content-Type": "application/octet-stream" },
    body: file,
  });
  assertEquals(res.status, 201, await res.clone().text());
  const { chats } = await res.json();
  return chats[0].id as string;
}

Deno.test("an answer of 1 MB of emphasis delimiters is served, its tail as plain text", async () => {
  const client = new ApiClient(app.url);
  const bomb = "a*".repeat(500_000);
  const id = await importAnswer(client, `Awal **tebal**.\n\n${bomb}`);
  const page = await client.fetch(`/chats/${id}`);
  assertEquals(page.status, 200);
  const html = await page.text();
  assertStringIncludes(html, "<strong>tebal</strong>");
  // Today's renderer turned every other `*` into emphasis, in seconds.
  assert(!html.includes("<em>a</em>"));
  assertStringIncludes(html, "a*a*a*a*a*");
});

Deno.test("the rendered-answer cache is never shared across owners", async () => {
  const renders: string[] = [];
  const text = `Rahasia ${crypto.randomUUID()} **milik A**`;
  const render = (t: string) => {
    renders.push(t);
    return Promise.resolve(`<p>${t}</p>`);
  };
  await prepareMarkdown({ owner: "owner-a", final: [text], render });
  await prepareMarkdown({ owner: "owner-a", final: [text], render });
  assertEquals(renders.length, 1, "an owner's second view comes from cache");
  await prepareMarkdown({ owner: "owner-b", final: [text], render });
  assertEquals(renders.length, 2, "another owner's view renders anew");
});
