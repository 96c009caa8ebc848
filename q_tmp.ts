import { ApiClient, startApp } from "@/tests/app_server.ts";
const app = await startApp();
const client = new ApiClient(app.url);
const at = "2026-11-20T08:15:00+07:00";
const res = await client.fetch("/api/import?filename=bom.json", {
  method: "POST",
  headers: { "Content-Type": "application/octet-stream" },
  body: JSON.stringify({
    format: "chatai",
    version: 1,
    exportedAt: at,
    chat: { id: "x", title: "Bom", createdAt: at, updatedAt: at },
    messages: [{ id: "m1", role: "user", content: "T", createdAt: at }, {
      id: "m2",
      role: "assistant",
      content: "> ".repeat(500000),
      createdAt: at,
    }],
  }),
});
const { chats } = await res.json();
let worst = 0;
let last = performance.now();
const iv = setInterval(() => {
  const now = performance.now();
  worst = Math.max(worst, now - last - 2);
  last = now;
}, 2);
for (let i = 0; i < 5; i++) {
  worst = 0;
  const t0 = performance.now();
  await (await client.fetch(`/chats/${chats[0].id}`)).text();
  console.log(
    "page",
    (performance.now() - t0).toFixed(0),
    "worst block",
    worst.toFixed(0),
  );
}
clearInterval(iv);
await app.close();
