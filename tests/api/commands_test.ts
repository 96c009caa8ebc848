import { assert, assertEquals, assertStringIncludes } from "@/tests/assert.ts";
import { answerText, ApiClient, startApp } from "@/tests/app_server.ts";

const app = await startApp();
// A leak found by the secret scan or a failed close fails the run.
Deno.test.afterAll(() => app.close());

function finalOf(events: Awaited<ReturnType<ApiClient["send"]>>) {
  const done = events.at(-1)!;
  assertEquals(done.event, "done");
  return done.data.message! as unknown as {
    content: string;
    status: string;
    command?: boolean;
  };
}

Deno.test("!help lists the commands in the UI language without asking the model", async () => {
  const client = new ApiClient(app.url, "id");
  const id = await client.createChat();
  const before = app.fake.requests.length;
  const events = await client.send(id, "  !BANTUAN ");
  const answer = finalOf(events);
  assertEquals(events[0].event, "user");
  assertEquals(answer.command, true);
  for (const word of ["!help", "!info_model", "!waktu", "!summarize_chat"]) {
    assertStringIncludes(answer.content, word);
  }
  assertEquals(answerText(events), answer.content);
  assertEquals(app.fake.requests.length, before, "the model was not asked");
});

Deno.test("!waktu tells the time in the browser's time zone, else APP_TIMEZONE", async () => {
  const client = new ApiClient(app.url);
  const id = await client.createChat();
  assertStringIncludes(
    finalOf(await client.send(id, "!waktu")).content,
    "Asia/Jakarta",
  );
  client.cookie += "; tz=Europe/Amsterdam";
  assertStringIncludes(
    finalOf(await client.send(id, "!time")).content,
    "Europe/Amsterdam",
  );
});

Deno.test("!info_model describes the chat's model", async () => {
  const client = new ApiClient(app.url);
  const id = await client.createChat({
    model: "deepseek/deepseek-chat-v3-0324:free",
  });
  const text = finalOf(await client.send(id, "!info_model")).content;
  assertStringIncludes(text, "deepseek/deepseek-chat-v3-0324:free");
  assertStringIncludes(text, "free");
});

Deno.test("a lone mistyped command names itself and points to !help", async () => {
  const client = new ApiClient(app.url);
  const id = await client.createChat();
  const asked = app.fake.requests.length;
  const text = finalOf(await client.send(id, "!wakut")).content;
  assertStringIncludes(text, "!wakut");
  assertStringIncludes(text, "!help");
  assertEquals(app.fake.requests.length, asked, "the model was not asked");
});

Deno.test("a message that starts with ! but no command reaches the model", async () => {
  const client = new ApiClient(app.url);
  const id = await client.createChat();
  const answer = finalOf(await client.send(id, "!Penting: besok rapat jam 9"));
  assertEquals(answer.command, undefined);
  const asked = app.fake.requests.at(-1)!.body as {
    messages: { role: string; content: string }[];
  };
  assertEquals(asked.messages.at(-1)?.content, "!Penting: besok rapat jam 9");
});

Deno.test("!summarize_chat streams a summary from the model; commands never go back as context", async () => {
  const client = new ApiClient(app.url);
  const id = await client.createChat();
  const empty = finalOf(await client.send(id, "!ringkas"));
  assertStringIncludes(empty.content, "nothing to summarize");
  await client.send(id, "Resep nasi goreng, tolong");
  await client.send(id, "!help");
  const summary = finalOf(await client.send(id, "!summarize_chat"));
  assertEquals([summary.status, summary.command], ["complete", true]);
  const asked = app.fake.requests.at(-1)!.body as {
    messages: { role: string; content: string }[];
  };
  assertStringIncludes(asked.messages.at(-1)!.content, "Resep nasi goreng");
  assert(
    !asked.messages.at(-1)!.content.includes("!help"),
    "command output is not summarized",
  );
  await client.send(id, "lanjut");
  const next = app.fake.requests.at(-1)!.body as {
    messages: { role: string; content: string }[];
  };
  const sent = next.messages.map((m) => m.content).join("\n");
  assert(!sent.includes("!help") && !sent.includes("!summarize_chat"), sent);
  const { chat } = await client.json<{ chat: { title: string } }>(
    `/api/chats/${id}`,
  );
  assertEquals(
    chat.title,
    "Resep nasi goreng, tolong",
    "a command does not become the title",
  );
});
