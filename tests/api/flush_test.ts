import { assert } from "@/tests/assert.ts";
import {
  ApiClient,
  savedAnswerText,
  startApp,
  streamEvents,
} from "@/tests/app_server.ts";

Deno.test("FLUSH_INTERVAL_MS sets how soon a streaming answer's text is saved", async () => {
  await using app = await startApp({ FLUSH_INTERVAL_MS: "50" });
  const client = new ApiClient(app.url);
  const chatId = await client.createChat();
  const res = await client.fetch(`/api/chats/${chatId}/messages`, {
    method: "POST",
    json: { content: "[[fake:slow=100]] simpan sedikit demi sedikit" },
  });
  const events = streamEvents(res);
  let next = await events.next();
  while (!next.done && next.value.event !== "delta") next = await events.next();
  const firstDelta = performance.now();
  await savedAnswerText(client, { chatId });
  const took = performance.now() - firstDelta;
  // The default of 1000 ms could not save it this soon.
  assert(took < 700, `the first save took ${took.toFixed(0)} ms`);
  await client.json(`/api/chats/${chatId}/cancel`, { method: "POST" });
  while (!next.done) next = await events.next();
});
